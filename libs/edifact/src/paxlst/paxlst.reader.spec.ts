import { splitInterchange } from '../interchange/envelope';
import { DEFAULT_DELIMITERS } from '../syntax/delimiters';
import { tokenize } from '../syntax/tokenizer';
import { readContext } from '../types';
import { readPaxlst } from './paxlst.reader';

const ctx = readContext({ now: new Date('2025-06-01T00:00:00Z') });
const FLIGHT = "TDT+20+LH400+++LH'LOC+125+FRA'DTM+189:2503011015:201'LOC+87+JFK'DTM+232:2503011330:201'";
const read = (body: string) => {
  const text = `UNH+1+PAXLST:D:05B:UN:IATA'${body}UNT+99+1'`;
  return readPaxlst(
    splitInterchange(tokenize(text, 0, DEFAULT_DELIMITERS).segments, ctx.refYear).messages[0],
    ctx,
  );
};
const codes = (body: string) =>
  read(body)
    .report.findings.map((f) => f.code)
    .filter((c) => c !== 'SEGMENT_COUNT_MISMATCH');

describe('readPaxlst', () => {
  it.each([
    ['FL', 'PASSENGER'],
    ['FM', 'CREW'],
    ['DDT', 'IN_TRANSIT'],
    ['DDU', 'IN_TRANSIT'],
  ])('NAD+%s is a %s', (qualifier, role) => {
    expect(read(`BGM+745'${FLIGHT}NAD+${qualifier}+++DOE:JO'`).travellers[0].role).toBe(role);
  });

  it('NAD+MS is the reporting party, not a traveller', () => {
    const m = read(`BGM+745'NAD+MS+++OPS DESK'COM+1:TE+x@y.example:EM'${FLIGHT}`);
    expect(m.travellers).toEqual([]);
    expect(m.manifest.reportingParty).toEqual({ name: 'OPS DESK', phone: '1', email: 'x@y.example' });
  });

  it.each([
    ["CNT+42:1'", []],
    ["CNT+42:2'", ['COUNT_MISMATCH']],
    ["CNT+42+1'", []],
    ["CNT+41:1'", ['COUNT_MISMATCH']],
  ])('checks %s against one passenger read', (cnt, expected) => {
    expect(
      codes(
        `BGM+745'${FLIGHT}NAD+FL+++DOE:JO'ATT+2++F'DTM+329:800101'NAT+2+GBR'DOC+P+X1'DTM+36:301231'LOC+91+GBR'${cnt}`,
      ),
    ).toEqual(expected);
  });

  it('reads a flight of a 2010 manifest with two-digit birth years relative to the flight', () => {
    const body = `BGM+745'TDT+20+LH400+++LH'LOC+125+FRA'DTM+189:1001011015:201'LOC+87+JFK'NAD+FL+++OLD:JO'DTM+329:150101'`;
    expect(read(body).travellers[0].dateOfBirth).toBe('1915-01-01');
  });

  it.each([
    ['250125', '2025-01-25', true],
    ['250125:101', '2025-01-25', true],
    ['19250125:102', '1925-01-25', undefined],
  ])('DTM+329:%s keeps whether the birth year had two digits', (dtm, dob, twoDigit) => {
    const t = read(`BGM+745'${FLIGHT}NAD+FL+++OLD:JO'DTM+329:${dtm}'`).travellers[0];
    expect(t.dateOfBirth).toBe(dob);
    expect(t.dateOfBirthTwoDigitYear).toBe(twoDigit);
  });

  it.each([
    ['18900101:102', 'IMPLAUSIBLE_AGE'],
    ['20991231:102', 'IMPOSSIBLE_DATE_OF_BIRTH'],
  ])('flags the implausible age of DTM+329:%s', (dtm, code) => {
    const t = read(`BGM+745'${FLIGHT}NAD+FL+++OLD:JO'DTM+329:${dtm}'`).travellers[0];
    expect(t.findings.map((f) => f.code)).toContain(code);
  });

  it('reports a missing flight and bad codes without losing the traveller', () => {
    expect(codes("BGM+745'NAD+FL+++DOE:JO'ATT+2++Q'DTM+329:801301'NAT+2+1X'")).toEqual([
      'MISSING_FLIGHT',
      'INVALID_GENDER',
      'INVALID_DATE',
      'INVALID_COUNTRY_CODE',
      'MISSING_DOCUMENT',
    ]);
  });
});
