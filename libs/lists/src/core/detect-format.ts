import { type OfacFileRole, OFAC_COLUMNS, ofacRole, ofacValue } from '../ofac/ofac-csv.reader';
import { parseCsv } from '../text/csv-rows';
import type { ListFormat } from './list-format';

/**
 * Recognises a list format from the content: the XML root, the JSON shape, or the CSV header (or,
 * for OFAC's header-less files, the shape of the first record). The file name only decides between
 * OFAC SDN and OFAC consolidated (identical layouts) and the role of a file inside an OFAC set.
 */
export interface Detected {
  format: ListFormat;
  ofacRole?: OfacFileRole;
}

/** Enough of the start of a file to see its root element or header line. */
const HEAD_CHARS = 64 * 1024;

/** Header columns that identify each CSV layout (lower-cased, spaces and dashes as `_`). */
const HEADERS: ReadonlyArray<[ListFormat, ReadonlyArray<string>]> = [
  ['CSL_CSV', ['source', 'entity_number', 'name', 'alt_names']],
  ['GTAS_WATCHLIST_CSV', ['firstname', 'lastname', 'dob', 'documentnumber']],
  ['ENROLMENT_CSV', ['card_number', 'valid_to']],
  ['LOST_STOLEN_CSV', ['document_number', 'status']],
  ['GENERIC_CSV', ['id']],
];

const OFAC_TYPES = new Set(['individual', 'vessel', 'aircraft', '']);

export function headerKey(value: string): string {
  return value
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function detectFormat(name: string, text: string): Detected | undefined {
  const head = text
    .slice(0, HEAD_CHARS)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<')) return /<CONSOLIDATED_LIST[\s>/]/.test(head) ? { format: 'UN_XML' } : undefined;
  if (head.startsWith('{') || head.startsWith('[')) return { format: 'GENERIC_JSON' };

  const firstLine = head.split(/\r?\n|\r/, 1)[0];
  if (firstLine.includes('\t')) {
    const cols = parseCsv(firstLine, { delimiter: '\t' }).records[0]?.fields.map(headerKey) ?? [];
    if (cols.includes('name') && cols.includes('effective_date') && cols.includes('fr_citation')) {
      return { format: 'BIS_DPL_TXT' };
    }
    return undefined;
  }
  const first = parseCsv(firstLine).records[0]?.fields;
  if (!first) return undefined;
  const cols = first.map(headerKey);
  const isCsl = cols.includes('source') && cols.includes('name') && cols.includes('alt_names');
  if (isCsl) return { format: 'CSL_CSV' };
  for (const [format, required] of HEADERS) {
    if (required.every((c) => cols.includes(c))) return { format };
  }
  return detectOfac(name, first);
}

/** OFAC files have no header: the first record's ent_num and column count tell them apart. */
function detectOfac(name: string, first: string[]): Detected | undefined {
  if (!/^\d+$/.test(first[0]?.trim() ?? '')) return undefined;
  const byShape = shapeRole(first);
  if (!byShape) return undefined;
  const role = ofacRole(name, first.length) ?? byShape;
  const consolidated = /cons_/i.test(name.split(/[\\/]/).pop() ?? '');
  return { format: consolidated ? 'OFAC_CONS_CSV' : 'OFAC_SDN_CSV', ofacRole: role };
}

function shapeRole(first: string[]): OfacFileRole | undefined {
  if (first.length === OFAC_COLUMNS.primary && OFAC_TYPES.has(ofacValue(first[2]).toLowerCase()))
    return 'primary';
  if (first.length === OFAC_COLUMNS.alt && /^[a-z]ka$/i.test(first[2]?.trim() ?? '')) return 'alt';
  if (first.length === OFAC_COLUMNS.add && /^\d+$/.test(first[1]?.trim() ?? '')) return 'add';
  if (first.length === OFAC_COLUMNS.comments) return 'comments';
  return undefined;
}
