/** A string holding U+0000, as JSON writes it. */
const ESCAPED_NUL = '\\u0000';

/**
 * JSON text for a `jsonb` column. jsonb refuses U+0000 in a string, yet a carrier's bytes may put
 * one in a name (the parser keeps it and reports a data-quality finding): such a character is
 * written as U+FFFD, as the consumers' `forPostgres` decoding files it, so the row is written
 * instead of failing the batch. The bytes as sent stay on the raw topic.
 */
export function jsonb(value: unknown): string {
  const text = JSON.stringify(value);
  if (!text.includes(ESCAPED_NUL)) return text;
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' ? v.replaceAll('\u0000', '\uFFFD') : v,
  );
}
