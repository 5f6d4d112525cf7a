/** A JSON-escaped NUL (backslash, u0000) that is not itself an escaped backslash followed by the text "u0000". */
const ESCAPED_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * JSON text with every escaped NUL (U+0000) written as U+FFFD. PostgreSQL keeps no NUL in `text`
 * and refuses an escaped one in `jsonb`, yet a carrier's bytes may put one in a name (the parser
 * keeps it and reports a data-quality finding): what is filed in PostgreSQL goes through this, so
 * the row is written instead of failing its batch; the bytes as sent stay on the raw topic.
 */
export function jsonWithoutNul(text: string): string {
  return text.includes('\\u0000') ? text.replace(ESCAPED_NUL, '$1\\ufffd') : text;
}
