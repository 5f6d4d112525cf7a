import { randomBytes } from 'node:crypto';

import { ListReadError } from './core/list-error';
import { readListSync } from './read-list';

/** Inputs that must give a typed error or a result with findings, never a crash or a hang. */
const nested = (open: string, close: string, depth: number) => open.repeat(depth) + close.repeat(depth);
const CASES: ReadonlyArray<[string, string, Buffer, string]> = [
  ['random bytes', 'x.bin', randomBytes(4096), 'UNKNOWN_FORMAT'],
  ['NUL bytes', 'x.csv', Buffer.from([0, 1, 2, 0]), 'UNKNOWN_FORMAT'],
  ['lone angle bracket', 'x.xml', Buffer.from('<'), 'UNKNOWN_FORMAT'],
  ['lone brace', 'x.json', Buffer.from('{'), 'JSON_SYNTAX'],
  ['array of non-objects', 'x.json', Buffer.from('[1, "two", null, [3]]'), 'read 0'],
  ['deeply nested JSON', 'x.json', Buffer.from(nested('[', ']', 100_000)), 'read 0'],
  [
    'deeply nested UN XML',
    'un.xml',
    Buffer.from(`<CONSOLIDATED_LIST>${nested('<INDIVIDUALS>', '</INDIVIDUALS>', 500)}</CONSOLIDATED_LIST>`),
    'XML_SYNTAX',
  ],
  [
    'UN XML with text where elements belong',
    'un.xml',
    Buffer.from('<CONSOLIDATED_LIST><INDIVIDUALS>x</INDIVIDUALS></CONSOLIDATED_LIST>'),
    'read 0',
  ],
  [
    'UN XML with attributes and a __proto__ element',
    'un.xml',
    Buffer.from(
      '<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER a="1">QDi.1</REFERENCE_NUMBER>' +
        '<FIRST_NAME>A</FIRST_NAME><__proto__><polluted>1</polluted></__proto__></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>',
    ),
    // fast-xml-parser refuses reserved JavaScript names as element names.
    'XML_SYNTAX',
  ],
  ['header-only generic CSV', 'x.csv', Buffer.from('id,name\n'), 'read 0'],
  ['OFAC row with 2 columns', 'sdn.csv', Buffer.from('1,"ONLY NAME"\n'), 'read 1'],
  [
    'a 1 MB quoted field that never closes',
    'x.csv',
    Buffer.from(`id,name\n1,"${'a'.repeat(1 << 20)}`),
    'read 0',
  ],
  // Each odd quote closes on the next line's quote: rows pair up (lenient), the reading stays linear.
  ['many unterminated quotes', 'x.csv', Buffer.from(`id,name\n${'1,"x\n'.repeat(5000)}`), 'read 1'],
];

describe('readList on hostile and broken input', () => {
  it.each(CASES)('%s', (_label, name, bytes, expected) => {
    let outcome: string;
    try {
      const read = readListSync({ name, bytes });
      outcome = `read ${read.stats.entries}`;
    } catch (err) {
      expect(err).toBeInstanceOf(ListReadError);
      outcome = (err as ListReadError).code;
    }
    expect(outcome).toBe(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
