import type { FlightLeg } from '@paxscreen/contracts';

import { readMessage } from '../read-message';
import { DEFAULT_DELIMITERS } from '../syntax/delimiters';
import { tokenize } from '../syntax/tokenizer';
import { readServiceString } from '../syntax/delimiters';
import { writeCusres } from './cusres.writer';
import { PaxlstInput, writePaxlst } from './paxlst.writer';

const NOW = new Date('2025-06-01T00:00:00Z');
const flight: FlightLeg = {
  carrier: 'ZZ',
  number: '0400',
  departure: { port: 'LHR', at: '2025-03-01T10:15' },
  arrival: { port: 'YYZ', at: '2025-03-01T13:30' },
};
const input = (over: Partial<PaxlstInput> = {}): PaxlstInput => ({
  sender: 'ZZAIR',
  recipient: 'GOV',
  controlRef: 'C1',
  preparedAt: '2025-03-01T09:30',
  messageRef: 'M1',
  kind: 'PASSENGERS',
  flight,
  transactionRef: 'TX1',
  reportingParty: { name: 'OPS', phone: '123', email: 'ops@zz.example' },
  travellers: [
    {
      role: 'PASSENGER',
      ref: 'ABO1',
      surname: "D'ARC+?:",
      givenNames: 'JEANNE MARIE',
      dateOfBirth: '1980-01-02',
      gender: 'F',
      nationality: 'FRA',
      residence: 'FRA',
      placeOfBirth: 'DOMREMY',
      embarkation: 'LHR',
      debarkation: 'YYZ',
      seat: '12A',
      bagCount: 2,
      pnr: { locator: 'ABC123' },
      documents: [{ type: 'P', number: 'FR1', issuer: 'FRA', expiry: '2030-01-01', issued: '2020-01-01' }],
    },
  ],
  ...over,
});

describe('writePaxlst', () => {
  it('writes an interchange readMessage reads back field for field', () => {
    const text = writePaxlst(input());
    expect(text.startsWith("UNA:+.? 'UNB+UNOA:4+ZZAIR+GOV+250301:0930+C1'")).toBe(true);
    const result = readMessage(Buffer.from(text), { now: NOW });
    expect(result.findings).toEqual([]);
    const [m] = result.messages;
    expect(m.report.findings).toEqual([]);
    expect(m.manifest).toMatchObject({
      flight,
      transactionRef: 'TX1',
      reportingParty: { name: 'OPS', phone: '123', email: 'ops@zz.example' },
    });
    const { travellerId, findings, flight: f, itinerary, ...rest } = m.travellers[0];
    expect([travellerId.length, findings, f, itinerary]).toEqual([16, [], flight, [flight]]);
    const { ref, ...expected } = input().travellers[0];
    expect(ref).toBe('ABO1');
    expect(rest).toEqual(expected);
  });

  it.each([
    [{ element: '*', terminator: '$', release: '\\' }],
    [{ component: '^', element: '|', terminator: '~', release: '!' }],
    [{ terminator: '\n' }],
  ])('honours delimiters %o', (delimiters) => {
    const text = writePaxlst(input(), { delimiters, lineBreaks: delimiters.terminator !== '\n' });
    expect(readServiceString(text).delimiters).toMatchObject(delimiters);
    expect(readMessage(Buffer.from(text), { now: NOW }).messages[0].travellers[0].surname).toBe("D'ARC+?:");
  });

  it('writes UNOY for non-ASCII values and any PAXLST version', () => {
    const text = writePaxlst(input({ travellers: [{ ...input().travellers[0], surname: 'MÜLLER' }] }), {
      version: 'D:15B',
    });
    expect(text).toContain('UNB+UNOY:4');
    const [m] = readMessage(Buffer.from(text, 'utf8'), { now: NOW }).messages;
    expect([m.version, m.travellers[0].surname]).toEqual(['D:15B', 'MÜLLER']);
  });

  it('refuses unusable delimiters', () => {
    expect(() => writePaxlst(input(), { delimiters: { element: 'A' } })).toThrow(RangeError);
  });
});

describe('writeCusres', () => {
  const answers = [
    {
      status: 'OK_TO_BOARD' as const,
      ref: 'ABO1',
      surname: 'DOE',
      givenNames: 'JANE',
      dateOfBirth: '1980-01-02',
    },
    {
      status: 'DO_NOT_BOARD' as const,
      locator: 'ABC123',
      document: { type: 'P', number: 'X1', issuer: 'GBR' },
    },
    { status: 'CONTACT_AGENCY' as const, ref: 'ABO3' },
  ];
  const segments = (text: string) => {
    const svc = readServiceString(text);
    return tokenize(text, svc.bodyStart, svc.delimiters).segments;
  };

  it('answers each traveller with an ERP group carrying ERC board status codes', () => {
    const text = writeCusres({
      sender: 'GOV',
      recipient: 'ZZAIR',
      controlRef: 'R1',
      messageRef: 'M1',
      requestRef: 'TX1',
      flight,
      answers,
    });
    const segs = segments(text);
    expect(segs.map((s) => s.tag).filter((t) => t === 'ERP')).toHaveLength(3);
    expect(segs.filter((s) => s.tag === 'ERC').map((s) => s.value(0))).toEqual(['0Z', '1Z', '2Z']);
    expect(segs.filter((s) => s.tag === 'FTX').map((s) => s.value(3))).toEqual([
      'OK TO BOARD',
      'DO NOT BOARD',
      'CONTACT AGENCY',
    ]);
    expect(segs.find((s) => s.tag === 'UNH')?.element(1)).toEqual(['CUSRES', 'D', '05B', 'UN', 'IATA']);
    expect(segs.find((s) => s.tag === 'RFF')?.element(0)).toEqual(['TN', 'TX1']);
    const unh = segs.findIndex((s) => s.tag === 'UNH');
    const unt = segs.findIndex((s) => s.tag === 'UNT');
    expect(Number(segs[unt].value(0))).toBe(unt - unh + 1);
  });

  it('takes state-specific status codes and delimiters', () => {
    const text = writeCusres(
      {
        sender: 'GOV',
        recipient: 'ZZAIR',
        controlRef: 'R1',
        messageRef: 'M1',
        flight,
        answers: [answers[1]],
      },
      { statusCodes: { DO_NOT_BOARD: '8Z' }, delimiters: { ...DEFAULT_DELIMITERS, element: '*' } },
    );
    expect(
      segments(text)
        .find((s) => s.tag === 'ERC')
        ?.value(0),
    ).toBe('8Z');
  });
});
