/** A keyset position, opaque to clients: base64url of a JSON array of strings. */
export class InvalidCursorError extends Error {
  readonly code = 'INVALID_CURSOR';
  constructor() {
    super('the cursor is not one this service issued');
    this.name = 'InvalidCursorError';
  }
}

export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): string[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === arity &&
      parts.every((p) => typeof p === 'string' && p.length <= 200)
    )
      return parts as string[];
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

/** A page of results and the cursor of the next one (absent on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Rows fetched with limit + 1: the extra one only says that there is a next page. */
export function pageOf<R, T>(
  rows: R[],
  limit: number,
  view: (r: R) => T,
  cursorOf: (r: R) => string[],
): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return {
    items: kept.map(view),
    ...(more ? { nextCursor: encodeCursor(cursorOf(kept[kept.length - 1])) } : {}),
  };
}
