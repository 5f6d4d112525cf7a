import type { Gender } from '@paxscreen/contracts';

import { readCountry } from '../normalize/country';
import { type CenturyRule, DATE_FORMATS, parseEdiDate } from '../normalize/dates';
import { type MrzCheckField, type MrzFormat, parseMrz } from './mrz.parse';

/** Why a scanned zone gives no document: not a TD1/TD2/TD3 zone, or check digits that do not match. */
export type MrzErrorCode = 'MRZ_UNREADABLE' | 'MRZ_CHECK_DIGIT';

export class MrzError extends Error {
  constructor(
    readonly code: MrzErrorCode,
    message: string,
    /** The fields whose check digit failed (MRZ_CHECK_DIGIT). */
    readonly fields: MrzCheckField[] = [],
  ) {
    super(message);
    this.name = 'MrzError';
  }
}

/** A travel document as its machine-readable zone states it, dates and countries normalised. */
export interface MrzDocument {
  format: MrzFormat;
  /** First letter of the document code (P passport, I/A/C identity card, V visa). */
  type: string;
  /** ISO 3166-1 alpha-3 or ICAO code, as `readCountry` gives it. */
  issuer: string;
  number: string;
  nationality: string;
  surname: string;
  givenNames: string;
  /** YYYY-MM-DD; absent when the zone's date is not a calendar date. */
  dateOfBirth?: string;
  expiry?: string;
  gender: Gender;
}

/**
 * An MRZ date (YYMMDD) with the reader's century rules: a birth date is never in the future, an
 * expiry is the nearest such date to `now` (passports run ten years; a zone can be long expired).
 */
export function mrzDate(yymmdd: string, kind: 'birth' | 'expiry', now = new Date()): string | undefined {
  const rule: CenturyRule = kind === 'birth' ? 'birth' : 'nearest';
  if (yymmdd.length !== 6) return undefined;
  return parseEdiDate(yymmdd, DATE_FORMATS.YYMMDD, rule, now.getUTCFullYear()) ?? undefined;
}

/**
 * Reads a scanned machine-readable zone (TD1 3 × 30, TD2 2 × 36, TD3 2 × 44) into the document it
 * states; throws an `MrzError` naming the fields when a check digit fails.
 */
export function readMrzDocument(text: string | string[], now = new Date()): MrzDocument {
  const mrz = parseMrz(text);
  if (!mrz)
    throw new MrzError(
      'MRZ_UNREADABLE',
      'expected a TD1 (3 × 30), TD2 (2 × 36) or TD3 (2 × 44) machine-readable zone',
    );
  const failed = mrz.checks.filter((c) => !c.valid).map((c) => c.field);
  if (failed.length > 0)
    throw new MrzError('MRZ_CHECK_DIGIT', `check digit wrong for: ${failed.join(', ')}`, failed);
  const doc: MrzDocument = {
    format: mrz.format,
    type: mrz.documentCode.slice(0, 1) || 'P',
    issuer: readCountry(mrz.issuer).code ?? mrz.issuer,
    number: mrz.documentNumber,
    nationality: readCountry(mrz.nationality).code ?? mrz.nationality,
    surname: mrz.surname,
    givenNames: mrz.givenNames,
    gender: mrz.sex === 'M' || mrz.sex === 'F' ? mrz.sex : 'X',
  };
  const dateOfBirth = mrzDate(mrz.dateOfBirth, 'birth', now);
  if (dateOfBirth) doc.dateOfBirth = dateOfBirth;
  const expiry = mrzDate(mrz.expiry, 'expiry', now);
  if (expiry) doc.expiry = expiry;
  return doc;
}
