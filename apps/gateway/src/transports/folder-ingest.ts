import { mkdir, open, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

import type { Logger } from '@paxscreen/observability';

import type { Delivery, Outcome } from './transport-ingest';

export interface FolderIngestOptions {
  carrier: string;
  dir: string;
  pollMs: number;
  sizeLimit: number;
  deliver: (d: Delivery) => Promise<Outcome>;
  logger: Logger;
}

/** Where handled files go, inside the drop folder. */
export const PROCESSED_DIR = 'processed';
export const REJECTED_DIR = 'rejected';
/** Files still being written by SFTP clients and editors. */
const IN_PROGRESS = /^\.|\.(part|filepart|tmp|partial|crdownload)$/i;

/**
 * Watches a carrier-bound drop folder (a PIU's SFTP landing directory) by scanning it. A file is
 * taken once its size and modification time did not change over one scan (an upload in progress
 * is left alone), read, and delivered; it is moved to `processed/` (named after its receipt) only
 * once durably in Kafka, or to `rejected/` once its dead letter is written. A crash before the
 * move leaves the file in place: the next scan delivers it again and the gateway's idempotency by
 * bytes answers with the first receipt. Files over the size limit are not read: they are moved to
 * `rejected/` and the dead letter names them.
 */
export class FolderIngest {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopping = false;
  private readonly seen = new Map<string, string>();

  constructor(private readonly options: FolderIngestOptions) {}

  async start(): Promise<void> {
    this.stopping = false;
    await mkdir(join(this.options.dir, PROCESSED_DIR), { recursive: true });
    await mkdir(join(this.options.dir, REJECTED_DIR), { recursive: true });
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One scan (tests call it directly). */
  async scan(): Promise<void> {
    const { dir } = this.options;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const present = new Set<string>();
    for (const entry of entries) {
      if (this.stopping) return;
      if (!entry.isFile() || IN_PROGRESS.test(entry.name)) continue;
      present.add(entry.name);
      const path = join(dir, entry.name);
      const info = await stat(path).catch(() => undefined);
      if (!info) continue;
      const signature = `${info.size}:${info.mtimeMs}`;
      if (this.seen.get(entry.name) !== signature) {
        this.seen.set(entry.name, signature);
        continue;
      }
      await this.take(entry.name, path, info.size);
    }
    for (const name of this.seen.keys()) if (!present.has(name)) this.seen.delete(name);
  }

  private schedule(delay: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.running = this.scan()
        .catch((err: unknown) => this.options.logger.warn({ err: String(err) }, 'drop folder scan failed'))
        .finally(() => this.schedule(this.options.pollMs));
    }, delay);
  }

  private async take(name: string, path: string, size: number): Promise<void> {
    const { carrier, dir, sizeLimit } = this.options;
    const tooLarge = size > sizeLimit;
    const rejectedName = `${Date.now()}-${name}`;
    const bytes = tooLarge ? undefined : await readWhole(path);
    if (!tooLarge && !bytes) return;
    const outcome = await this.options
      .deliver({
        carrier,
        bytes,
        size,
        source: `folder:${carrier}`,
        reference: tooLarge ? `${REJECTED_DIR}/${rejectedName}` : undefined,
      })
      .catch((err: unknown): Outcome => ({ kind: 'retry', reason: String(err) }));
    this.seen.delete(name);
    if (outcome.kind === 'retry') return;
    const target =
      outcome.kind === 'accepted'
        ? join(dir, PROCESSED_DIR, `${outcome.receiptId}-${name}`)
        : join(dir, REJECTED_DIR, rejectedName);
    // Another gateway instance may have moved it first (both got the same receipt): nothing lost.
    await rename(path, target).catch(() => undefined);
  }
}

async function readWhole(path: string): Promise<Buffer | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
