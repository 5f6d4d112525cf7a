import { readMessage } from '../read-message';

const NOW = new Date('2025-06-01T00:00:00Z');

/** A one-traveller PAXLST with the given leg LOC/DTM and traveller segments. */
function paxlst(leg: string[], traveller: string[]): Buffer {
  const body = [
    'UNH+1+PAXLST:D:05B:UN:IATA',
    'BGM+745',
    'TDT+20+ZZ400+++ZZ',
    ...leg,
    'NAD+FL+++TESTER:AMELIA',
    'ATT+2++F',
    'DTM+329:19850214',
    'NAT+2+GBR',
    ...traveller,
  ];
  const text = ['UNB+UNOA:4+ZZAIR+BORDER+250301:0930+1', ...body, `UNT+${body.length + 1}+1`, 'UNZ+1+1'].join(
    "'\n",
  );
  return Buffer.from(`${text}'`);
}

const GOOD_LEG = ['LOC+125+LHR', 'DTM+189:202503011015:203', 'LOC+87+YYZ', 'DTM+232:202503011330:203'];
const GOOD_DOC = ['DOC+P:110:111+TS1234567', 'DTM+36:20300131:102', 'LOC+91+GBR'];

function read(leg: string[], traveller: string[]) {
  const [m] = readMessage(paxlst(leg, traveller), { now: NOW }).messages;
  return {
    message: m.report.findings.filter((f) => f.traveller === undefined).map((f) => [f.code, f.field]),
    traveller: m.travellers[0].findings.map((f) => [f.code, f.field]),
    flight: m.manifest.flight,
    doc: m.travellers[0].documents[0],
  };
}

describe('PAXLST qualifiers outside the guide and empty required elements', () => {
  it('a clean message has no such findings', () => {
    const r = read(GOOD_LEG, GOOD_DOC);
    expect(r.message).toEqual([]);
    expect(r.traveller).toEqual([]);
  });

  it('a departure place with a qualifier outside the guide: UNKNOWN_QUALIFIER and MISSING_DEPARTURE_PORT', () => {
    const r = read(['LOC+5+LHR', ...GOOD_LEG.slice(1)], GOOD_DOC);
    expect(r.flight.departure.port).toBe('');
    expect(r.message).toEqual([
      ['UNKNOWN_QUALIFIER', 'LOC+5'],
      ['MISSING_DEPARTURE_PORT', 'flight.departure.port'],
    ]);
  });

  it('an empty departure port is a finding even with the right qualifier', () => {
    expect(read(['LOC+125+', ...GOOD_LEG.slice(1)], GOOD_DOC).message).toEqual([
      ['MISSING_DEPARTURE_PORT', 'flight.departure.port'],
    ]);
  });

  it('unknown traveller LOC, DTM, RFF and DOC qualifiers are kept on the traveller, naming segment and qualifier', () => {
    const r = read(GOOD_LEG, [
      'RFF+XYZ:ABC',
      'LOC+999+PAR',
      'DOC+Q+TS1234567',
      'DTM+777:20300131:102',
      'LOC+91+GBR',
    ]);
    expect(r.traveller).toEqual([
      ['UNKNOWN_QUALIFIER', 'RFF+XYZ'],
      ['UNKNOWN_QUALIFIER', 'LOC+999'],
      ['UNKNOWN_QUALIFIER', 'DOC+Q'],
      ['UNKNOWN_QUALIFIER', 'DTM+777'],
    ]);
    // The document is still read as sent.
    expect(r.doc).toMatchObject({ type: 'Q', number: 'TS1234567', issuer: 'GBR' });
  });

  it('an empty document number is an error finding', () => {
    expect(read(GOOD_LEG, ['DOC+P+', 'DTM+36:20300131:102', 'LOC+91+GBR']).traveller).toContainEqual([
      'MISSING_DOCUMENT_NUMBER',
      'documents[0].number',
    ]);
  });

  it('finding messages carry codes only, never the values', () => {
    const [m] = readMessage(paxlst(GOOD_LEG, ['RFF+SECRETVALUE:ABC', ...GOOD_DOC]), { now: NOW }).messages;
    const text = JSON.stringify(m.travellers[0].findings);
    expect(text).not.toContain('SECRETVALUE');
    expect(text).not.toContain('ABC');
  });
});
