import { readFile } from 'node:fs/promises';

import { EdifactError, readMessage, type ReadOptions, type ReadResult } from '@paxscreen/edifact';
import type { Finding } from '@paxscreen/contracts';

import { CliError, EXIT, unreadableFile } from '../cli-error';

/** Options shared by `parse` and `validate`. */
export interface ReadCliOptions {
  now?: string;
  direction?: 'INBOUND' | 'OUTBOUND';
}

export function readOptions(options: ReadCliOptions): ReadOptions {
  const out: ReadOptions = {};
  if (options.now) {
    const now = new Date(options.now);
    if (Number.isNaN(now.getTime())) throw new CliError('USAGE', '--now must be an ISO date', EXIT.USAGE);
    out.now = now;
  }
  if (options.direction) out.direction = options.direction;
  return out;
}

/** Reads and parses one manifest file; unreadable input becomes a one-line typed CliError. */
export async function readManifestFile(path: string, options: ReadOptions): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw unreadableFile(path, err);
  }
  try {
    return readMessage(bytes, options);
  } catch (err) {
    if (err instanceof EdifactError) throw new CliError(err.code, err.message, EXIT.UNREADABLE);
    throw err;
  }
}

export function describeFinding(f: Finding): string {
  const where = [
    f.field,
    f.segment !== undefined ? `segment ${f.segment}` : undefined,
    f.traveller !== undefined ? `traveller ${f.traveller}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `${f.severity.padEnd(7)} ${f.code}${where ? ` (${where})` : ''}: ${f.message}`;
}

export function hasErrors(result: ReadResult): boolean {
  return (
    result.findings.some((f) => f.severity === 'error') || result.messages.some((m) => m.report.errors > 0)
  );
}
