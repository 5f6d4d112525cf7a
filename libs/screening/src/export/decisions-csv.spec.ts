import type { Decision } from '@paxscreen/contracts';
import fc from 'fast-check';

import { csvCell, DECISION_CSV_COLUMNS, DecisionCsvRow, decisionsToCsv } from './decisions-csv';

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF records), as a spreadsheet would split. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      expect(text[i]).toBe('"');
      let cell = '';
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
      record.push(cell);
      if (text[i] === ',') i++;
      else break;
    }
    expect(text.slice(i, i + 2)).toBe('\r\n');
    i += 2;
    records.push(record);
  }
  return records;
}

const decision = (over: Partial<Decision> = {}): Decision => ({
  decisionId: 'd-1',
  travellerId: 't-1',
  outcome: 'REFER',
  reasons: [
    {
      kind: 'WATCHLIST',
      action: 'REFER',
      source: { listId: 'UN', entryId: 'QDi.1' },
      score: 0.91234,
      matchedFields: ['name'],
      explanation: 'name matches "DOE, John", born 1980',
    },
  ],
  listVersions: { UN: 'v3', SLTD: 'v1' },
  timings: { decidedAt: Date.parse('2025-03-01T10:00:00Z'), screeningMs: 0.4 },
  ...over,
});

const row = (surname: string, givenNames = 'JOHN', over: Partial<Decision> = {}): DecisionCsvRow => ({
  manifestId: 'ZZ0100:2025-03-01:IN:PASSENGERS',
  flight: { carrier: 'ZZ', number: '0100', departure: { port: 'LHR' }, arrival: { port: 'JFK' } },
  subject: {
    surname,
    givenNames,
    dateOfBirth: '1980-02-03',
    nationality: 'GBR',
    documents: [{ type: 'P', number: 'X123', issuer: 'GBR' }],
  },
  decision: decision(over),
});

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+cmd|/C calc!A0', `"'+1+cmd|/C calc!A0"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['\uFF1D1+1', `"'\uFF1D1+1"`],
    ['DOE', '"DOE"'],
    ["O'HARA-SMITH", `"O'HARA-SMITH"`],
    ['A=B', '"A=B"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line 1\r\nline 2', '"line 1\r\nline 2"'],
    ['', '""'],
    [undefined, '""'],
    [0.5, '"0.5"'],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('decisionsToCsv', () => {
  it('writes a header and one record per decision, every field in its column', () => {
    const csv = decisionsToCsv([row('DOE'), row('=cmd|"/C calc"!A0', '@evil', { supersedes: 'd-0' })]);
    const [header, first, second] = parseCsv(csv);
    expect(header).toEqual([...DECISION_CSV_COLUMNS]);
    const cell = (record: string[], column: (typeof DECISION_CSV_COLUMNS)[number]) =>
      record[DECISION_CSV_COLUMNS.indexOf(column)];
    expect(cell(first, 'surname')).toBe('DOE');
    expect(cell(first, 'flight')).toBe('ZZ0100');
    expect(cell(first, 'documents')).toBe('P/GBR/X123');
    expect(cell(first, 'reasons')).toBe('WATCHLIST UN/QDi.1 REFER 0.912');
    expect(cell(first, 'explanations')).toBe('name matches "DOE, John", born 1980');
    expect(cell(first, 'list_versions')).toBe('UN=v3;SLTD=v1');
    expect(cell(first, 'decided_at')).toBe('2025-03-01T10:00:00.000Z');
    expect(cell(second, 'surname')).toBe('\'=cmd|"/C calc"!A0');
    expect(cell(second, 'given_names')).toBe("'@evil");
    expect(cell(second, 'supersedes')).toBe('d-0');
  });

  it('writes only the header for no decisions, and a BOM when asked', () => {
    expect(parseCsv(decisionsToCsv([]))).toEqual([[...DECISION_CSV_COLUMNS]]);
    expect(decisionsToCsv([], { byteOrderMark: true }).startsWith('\uFEFF"manifest_id"')).toBe(true);
  });

  it('never lets a cell start a formula, and keeps every value readable (any text)', () => {
    const triggers = ['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'=+-@\t\r\n",;\'|ABC 01') }),
      fc.string({ unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(text, text, (surname, given) => {
        const [, record] = parseCsv(decisionsToCsv([row(surname, given)]));
        expect(record).toHaveLength(DECISION_CSV_COLUMNS.length);
        for (const cell of record) expect(triggers.includes(cell[0] ?? '')).toBe(false);
        // The value as sent, behind a visible ' when it would start a formula.
        const shown = (value: string) => (triggers.includes(value[0] ?? '') ? `'${value}` : value);
        expect(record[DECISION_CSV_COLUMNS.indexOf('surname')]).toBe(shown(surname));
        expect(record[DECISION_CSV_COLUMNS.indexOf('given_names')]).toBe(shown(given));
      }),
      { numRuns: 300 },
    );
  });
});
