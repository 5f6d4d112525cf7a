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

/**
 * Where parsed JSON holds a NUL (U+0000) in a string: `path.to.field` for a value, the enclosing
 * path (or `payload`) for a property name, never the text itself (it may be personal data).
 */
export function nulPaths(value: unknown, path = 'payload'): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    if (key.includes('\u0000')) return [path];
    return nulPaths(child, path === 'payload' ? key : `${path}.${key}`);
  });
}
