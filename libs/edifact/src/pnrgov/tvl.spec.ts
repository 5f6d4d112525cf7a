import type { Finding } from '@paxscreen/contracts';

import { DEFAULT_DELIMITERS } from '../syntax/delimiters';
import { tokenize } from '../syntax/tokenizer';
import { applyCodeshare, isCodeshareFollowUp, readTvl } from './tvl';

const seg = (text: string) => tokenize(text, 0, DEFAULT_DELIMITERS).segments[0];

describe('TVL', () => {
  it.each([
    ["TVL+121210:0915::1230+LHR+JFK+DL+324:B'", '2010-12-12T09:15', '2010-12-12T12:30'],
    ["TVL+270918:2320:280918:0531+ADD+FRA+ET+706:B'", '2018-09-27T23:20', '2018-09-28T05:31'],
    ["TVL+280918:1220:1505+FRA+IAD+UA+988'", '2018-09-28T12:20', '2018-09-28T15:05'],
    ["TVL+280513::290513+SIN+OOL+TZ+0006:S'", '2013-05-28', '2013-05-29'],
  ])('%s', (text, departure, arrival) => {
    const findings: Finding[] = [];
    const leg = readTvl(seg(text), 2025, findings);
    expect([leg.departure.at, leg.arrival.at]).toEqual([departure, arrival]);
    expect(findings).toEqual([]);
  });

  it('reads codeshare carriers and the operating flight of a follow-up TVL', () => {
    const leg = readTvl(seg("TVL+041018:1335::2005+FRA+KWI+UA:LH+8749:B'"), 2025, []);
    expect(isCodeshareFollowUp(seg("TVL+++++624:M'"))).toBe(true);
    applyCodeshare(leg, seg("TVL+++++624:M'"));
    expect(leg).toMatchObject({
      carrier: 'UA',
      number: '8749',
      operatingCarrier: 'LH',
      operatingNumber: '0624',
    });
  });

  it('reports an impossible time', () => {
    const findings: Finding[] = [];
    readTvl(seg("TVL+310513:0900:310513:4321+OOL+SIN+TZ+0002:S'"), 2025, findings);
    expect(findings.map((f) => f.code)).toEqual(['INVALID_DATE']);
  });
});
