import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface ListFile {
  name: string;
  bytes: Buffer;
}

/** A list file, or the CSV files of a folder (an OFAC set), as the watchlist upload takes them. */
export function readListFiles(path: string): ListFile[] {
  if (!statSync(path).isDirectory()) return [{ name: basename(path), bytes: readFileSync(path) }];
  return readdirSync(path)
    .filter((f) => f.endsWith('.csv'))
    .map((name) => ({ name, bytes: readFileSync(join(path, name)) }));
}

/**
 * Imports a list through the watchlist admin API (`POST /v1/lists`): one file as raw bytes, several
 * as the JSON files envelope. Returns the import summary; throws with the service's error body.
 */
export async function uploadList(
  watchlistUrl: string,
  files: ListFile[],
  token: string,
  options: { listId?: string; timeoutMs?: number } = {},
): Promise<Record<string, unknown> & { entries?: number }> {
  const several = files.length !== 1;
  const res = await fetch(`${watchlistUrl}/v1/lists${options.listId ? `?listId=${options.listId}` : ''}`, {
    method: 'POST',
    headers: several
      ? { 'content-type': 'application/vnd.paxscreen.files+json', authorization: `Bearer ${token}` }
      : {
          'content-type': 'application/octet-stream',
          'x-file-name': files[0].name,
          authorization: `Bearer ${token}`,
        },
    body: several
      ? JSON.stringify({
          files: files.map((f) => ({ name: f.name, contentBase64: f.bytes.toString('base64') })),
        })
      : files[0].bytes,
    signal: AbortSignal.timeout(options.timeoutMs ?? 30 * 60_000),
  });
  const body = (await res.json()) as Record<string, unknown> & { entries?: number };
  if (!res.ok)
    throw new Error(`import of ${files.map((f) => f.name).join(', ')} failed: ${JSON.stringify(body)}`);
  return body;
}
