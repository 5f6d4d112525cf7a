import type { Enrolment, EntryKind, Finding, LostStolenDocument, WatchlistEntry } from '@paxscreen/contracts';

/** Every list format the readers recognise (from the content, not from the file name). */
export const LIST_FORMATS = [
  'UN_XML',
  'OFAC_SDN_CSV',
  'OFAC_CONS_CSV',
  'CSL_CSV',
  'BIS_DPL_TXT',
  'GENERIC_CSV',
  'GENERIC_JSON',
  'GTAS_WATCHLIST_CSV',
  'LOST_STOLEN_CSV',
  'ENROLMENT_CSV',
] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export type ListKind = 'watchlist' | 'documents' | 'enrolments';

export interface ListStats {
  /** Data rows (CSV records without the header, XML INDIVIDUAL/ENTITY elements, JSON array items). */
  rows: number;
  entries: number;
  /** Watchlist: PERSON entries; enrolments: every entry; documents: 0. */
  persons: number;
  /** Watchlist: entries that are not persons (organisations, vessels, aircraft, unknown). */
  entities: number;
  /** Rows that gave no entry (each has an error finding). */
  skipped: number;
  /** Watchlist entries by kind (PERSON, ENTITY, VESSEL, AIRCRAFT, UNKNOWN). */
  byKind: Partial<Record<EntryKind, number>>;
}

interface ListReadBase {
  format: ListFormat;
  listId: string;
  findings: Finding[];
  stats: ListStats;
  /** sha256 (hex) of the input bytes; for a set of files, of their names and bytes in name order. */
  digest: string;
  /** Text encoding the input was decoded with (OFAC files are often Windows-1252). */
  encoding: 'utf-8' | 'windows-1252';
  /** When the publisher dated the list (UN `dateGenerated`), if it did. */
  publishedAt?: string;
}

export type WatchlistReadResult = ListReadBase & { kind: 'watchlist'; entries: WatchlistEntry[] };
export type DocumentsReadResult = ListReadBase & { kind: 'documents'; entries: LostStolenDocument[] };
export type EnrolmentsReadResult = ListReadBase & { kind: 'enrolments'; entries: Enrolment[] };
export type ListReadResult = WatchlistReadResult | DocumentsReadResult | EnrolmentsReadResult;

export interface ListReadOptions {
  /** Overrides the default list id (UN, OFAC-SDN, OFAC-CONS, CSL, BIS-DPL, or the file's base name). */
  listId?: string;
  /**
   * Order of day and month in numeric dates such as `2-12-1965` (GTAS and other CSVs). Without it an
   * ambiguous date keeps only its year and gives a warning finding; an unambiguous one (13-02-1965) is read.
   */
  dateOrder?: 'DMY' | 'MDY';
}

/** One input file: its name (used for findings and for recognising OFAC file sets) and its bytes. */
export interface ListFile {
  name: string;
  bytes: Buffer;
}

export type ListInput = ListFile | { files: ListFile[] };
