/** A JSON-escaped NUL (backslash, u0000) that is not itself an escaped backslash followed by the text "u0000". */
const ESCAPED_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * PostgreSQL keeps no NUL in `text` and refuses an escaped one in `jsonb`, yet a carrier's bytes
 * may put one in a name (the parser keeps it and reports a data-quality finding). A consumer
 * that files an event in PostgreSQL reads its bytes through this first (`decodeBatch`'s
 * `forPostgres`): such a character is kept as U+FFFD, so the event is filed instead of failing its
 * batch; the bytes as sent stay on the raw topic and in the receipt.
 */
export function withoutNul(bytes: Buffer): Buffer {
  if (bytes.indexOf('\\u0000') < 0) return bytes;
  return Buffer.from(bytes.toString('utf8').replace(ESCAPED_NUL, '$1\\ufffd'), 'utf8');
}
