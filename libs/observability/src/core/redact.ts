/**
 * Personal data must never reach a log line (names, document numbers, dates of birth, contacts).
 * Logs are redacted by key, at any depth, before they are written: add a key here rather than
 * trusting every call site.
 */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set(
  [
    'surname',
    'givenNames',
    'givenName',
    'firstName',
    'lastName',
    'middleName',
    'fullName',
    'name',
    'names',
    'dateOfBirth',
    'dob',
    'birthDate',
    'documentNumber',
    'documents',
    'passport',
    'passportNumber',
    'cardNumber',
    'number',
    'mrz',
    'email',
    'phone',
    'contacts',
    'address',
    'placeOfBirth',
    'subject',
    'traveller',
    'travellers',
    'payload',
    'payloadBase64',
    'body',
  ].map((k) => k.toLowerCase()),
);

export const REDACTED = '[redacted]';

const MAX_DEPTH = 8;

/** A copy of `value` with every personal field replaced by `[redacted]`. */
export function redactPersonalData(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[depth]';
  if (Array.isArray(value)) return value.map((v) => redactPersonalData(v, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: value.message, code: (value as { code?: unknown }).code };
  }
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = PERSONAL_KEYS.has(k.toLowerCase()) ? REDACTED : redactPersonalData(v, depth + 1);
  }
  return out;
}
