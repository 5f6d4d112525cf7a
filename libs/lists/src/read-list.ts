import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

import type { WatchlistEntry } from '@paxscreen/contracts';

import { type Detected, detectFormat } from './core/detect-format';
import { digestFiles } from './core/digest';
import { FindingSink } from './core/findings';
import { fileNulAsReplacement } from './core/nul';
import { ListReadError } from './core/list-error';
import type { ListFile, ListFormat, ListInput, ListReadOptions, ListReadResult } from './core/list-format';
import type { ReaderContext, ReaderOutput } from './core/reader';
import { plainStats, watchlistStats } from './core/stats';
import { readBisDpl } from './bis/bis-dpl.reader';
import { readCslCsv } from './csl/csl-csv.reader';
import { readLostStolenCsv } from './documents/lost-stolen-csv.reader';
import { readEnrolmentCsv } from './enrolments/enrolment-csv.reader';
import { readGenericCsv } from './generic/generic-csv.reader';
import { readGenericJson } from './generic/generic-json.reader';
import { readGtasWatchlist } from './generic/gtas-watchlist.reader';
import { type OfacPart, ofacRole, readOfacCsv } from './ofac/ofac-csv.reader';
import { decodeText } from './text/decode-text';
import { readUnXml } from './un/un-xml.reader';

/** Default list ids per format; other formats default to the file's base name (upper case). */
const DEFAULT_LIST_IDS: Partial<Record<ListFormat, string>> = {
  UN_XML: 'UN',
  OFAC_SDN_CSV: 'OFAC-SDN',
  OFAC_CONS_CSV: 'OFAC-CONS',
  CSL_CSV: 'CSL',
  BIS_DPL_TXT: 'BIS-DPL',
};

/** DOS end-of-file character that OFAC files end with. */
const EOF_MARKER = String.fromCharCode(0x1a);

/** File endings read when a directory is given; others (README, SOURCES.md) are ignored. */
const LIST_FILE = /\.(csv|xml|json|txt|tsv)$/i;

/**
 * Reads one list from a file, or from a directory holding one list (an OFAC set: sdn.csv, alt.csv,
 * add.csv, sdn_comments.csv). Throws ListReadError when the input as a whole cannot be read; bad
 * rows become findings.
 */
export async function readListFile(path: string, options: ListReadOptions = {}): Promise<ListReadResult> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new ListReadError('UNREADABLE_FILE', `cannot read ${basename(path)}`);
  }
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((n) => LIST_FILE.test(n)).sort();
    const files = await Promise.all(
      names.map(async (name) => ({ name, bytes: await readFile(join(path, name)) })),
    );
    return readList({ files }, options);
  }
  return readList({ name: basename(path), bytes: await readFile(path) }, options);
}

/** Reads one list from bytes: one file, or a set of files that together form one list. */
export function readList(input: ListInput, options: ListReadOptions = {}): Promise<ListReadResult> {
  return Promise.resolve().then(() => readListSync(input, options));
}

/** The synchronous core of `readList` (reading is CPU-bound; the async form is for callers' convenience). */
export function readListSync(input: ListInput, options: ListReadOptions = {}): ListReadResult {
  const files = 'files' in input ? input.files : [input];
  if (files.length === 0 || files.every((f) => f.bytes.length === 0)) {
    throw new ListReadError('EMPTY_INPUT', 'no list data given');
  }
  const decoded = files.map((f) => ({ file: f, ...decodeText(f.bytes) }));
  const detected = decoded.map((d) => ({ ...d, detected: detectFile(d.file, d.text, files.length > 1) }));

  const formats = new Set(detected.map((d) => d.detected?.format));
  const unknown = detected.find((d) => !d.detected);
  if (unknown) throw new ListReadError('UNKNOWN_FORMAT', `format of ${unknown.file.name} is not recognised`);
  if (formats.size > 1 || (files.length > 1 && !detected.every((d) => d.detected?.ofacRole))) {
    throw new ListReadError('MIXED_FORMATS', 'a set of files must form one list (an OFAC CSV set)');
  }
  const format = detected[0].detected!.format;
  const listId = options.listId ?? DEFAULT_LIST_IDS[format] ?? baseListId(files[0].name);
  const findings = new FindingSink();
  const ctx: ReaderContext = { listId, file: files[0].name, findings, dateOrder: options.dateOrder };
  const encoding = decoded.some((d) => d.encoding === 'windows-1252') ? 'windows-1252' : 'utf-8';
  const base = { format, listId, digest: digestFiles(files), encoding } as const;
  const text = detected[0].text;

  switch (format) {
    case 'UN_XML':
      return watchlistResult(base, readUnXml(text, ctx), findings);
    case 'OFAC_SDN_CSV':
    case 'OFAC_CONS_CSV': {
      const parts: OfacPart[] = detected.map((d) => ({
        role: d.detected!.ofacRole!,
        file: d.file.name,
        text: d.text,
      }));
      return watchlistResult(base, readOfacCsv(parts, ctx), findings);
    }
    case 'CSL_CSV':
      return watchlistResult(base, readCslCsv(text, ctx), findings);
    case 'BIS_DPL_TXT':
      return watchlistResult(base, readBisDpl(text, ctx), findings);
    case 'GTAS_WATCHLIST_CSV':
      return watchlistResult(base, readGtasWatchlist(text, ctx), findings);
    case 'GENERIC_CSV':
      return watchlistResult(base, readGenericCsv(text, ctx), findings);
    case 'GENERIC_JSON': {
      const out = readGenericJson(text, ctx);
      // A listId inside the file names the list when the caller did not; entries are restamped.
      if (!options.listId && out.listId) {
        const listId = out.listId;
        out.entries.forEach((e) => (e.listId = listId));
        return watchlistResult({ ...base, listId }, out, findings);
      }
      return watchlistResult(base, out, findings);
    }
    case 'LOST_STOLEN_CSV': {
      const out = readLostStolenCsv(text, ctx);
      return {
        ...base,
        kind: 'documents',
        entries: fileNulAsReplacement(out.entries, findings),
        findings: findings.result(),
        stats: plainStats(out.rows, out.entries.length, 0, out.skipped),
      };
    }
    case 'ENROLMENT_CSV': {
      const out = readEnrolmentCsv(text, ctx);
      return {
        ...base,
        kind: 'enrolments',
        entries: fileNulAsReplacement(out.entries, findings),
        findings: findings.result(),
        stats: plainStats(out.rows, out.entries.length, out.entries.length, out.skipped),
      };
    }
  }
}

function detectFile(file: ListFile, text: string, inSet: boolean): Detected | undefined {
  const found = detectFormat(file.name, text);
  if (found || !inSet) return found;
  // An empty side file of an OFAC set (only the EOF marker) is recognised by its name.
  const role = text.split(EOF_MARKER).join('').trim() === '' ? ofacRole(file.name) : undefined;
  if (!role) return undefined;
  return { format: /cons_/i.test(file.name) ? 'OFAC_CONS_CSV' : 'OFAC_SDN_CSV', ofacRole: role };
}

function baseListId(name: string): string {
  return basename(name)
    .replace(/\.[^.]+$/, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

type Base = Pick<ListReadResult, 'format' | 'listId' | 'digest' | 'encoding'>;

function watchlistResult(
  base: Base,
  out: ReaderOutput<WatchlistEntry>,
  findings: FindingSink,
): ListReadResult {
  const entries = fileNulAsReplacement(out.entries, findings);
  const result: ListReadResult = {
    ...base,
    kind: 'watchlist',
    entries,
    findings: findings.result(),
    stats: watchlistStats(out.rows, entries, out.skipped),
  };
  if (out.publishedAt) result.publishedAt = out.publishedAt;
  return result;
}
