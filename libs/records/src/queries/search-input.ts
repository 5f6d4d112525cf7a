import { FULL_DATE_PATTERN } from '@paxscreen/contracts';

/** A search parameter that is missing or malformed; `code` is the API's error code. */
export class InvalidSearchInputError extends Error {
  readonly code = 'INVALID_SEARCH';
  constructor(
    readonly parameter: string,
    problem: string,
  ) {
    super(`${parameter}: ${problem}`);
    this.name = 'InvalidSearchInputError';
  }
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const PATTERNS = {
  carrier: /^[A-Z0-9]{2,3}$/,
  flightNumber: /^[A-Z0-9]{1,8}$/,
  date: FULL_DATE_PATTERN,
  port: /^[A-Z0-9]{3,5}$/,
  issuer: /^[A-Z]{1,3}$/,
  documentNumber: /^[A-Z0-9 <-]{1,35}$/,
  travellerId: /^[A-Za-z0-9:._-]{1,128}$/,
  actor: /^[A-Za-z0-9@:._-]{1,128}$/,
  action: /^[A-Z_]{1,64}$/,
} as const;

/** The parameter, trimmed and upper-cased when `upper`, when it matches its pattern. */
export function required(name: keyof typeof PATTERNS, value: unknown, upper = false): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidSearchInputError(name, 'required');
  const v = upper ? value.trim().toUpperCase() : value.trim();
  if (!PATTERNS[name].test(v)) throw new InvalidSearchInputError(name, 'malformed');
  if (name === 'date' && Number.isNaN(Date.parse(v))) throw new InvalidSearchInputError(name, 'not a date');
  return v;
}

export function optional(name: keyof typeof PATTERNS, value: unknown, upper = false): string | undefined {
  return value === undefined || value === '' ? undefined : required(name, value, upper);
}

export function pageSize(value: unknown): number {
  if (value === undefined || value === '') return DEFAULT_PAGE_SIZE;
  const n = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_PAGE_SIZE)) throw new InvalidSearchInputError('limit', `1 to ${MAX_PAGE_SIZE}`);
  return n;
}

/** A name query: 2 to 100 characters with at least two letters. */
export function nameQuery(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidSearchInputError('q', 'required');
  const q = value.trim();
  if (q.length > 100) throw new InvalidSearchInputError('q', 'at most 100 characters');
  if ((q.match(/\p{L}/gu) ?? []).length < 2) throw new InvalidSearchInputError('q', 'at least two letters');
  return q;
}

/** An ISO 8601 instant (audit time bounds). */
export function optionalInstant(name: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value))
    throw new InvalidSearchInputError(name, 'an ISO 8601 date or instant');
  if (Number.isNaN(Date.parse(value))) throw new InvalidSearchInputError(name, 'not a date');
  return new Date(value).toISOString();
}

/** Why the officer looks (kept in the audit record), at most 200 characters. */
export function reason(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 200)
    throw new InvalidSearchInputError('reason', 'at most 200 characters');
  return value;
}
