/**
 * The demo driver (`npm run demo` → scripts/demo.sh → here): submits the sample manifests through
 * the gateway as their carriers would, waits for every receipt to settle and prints a summary.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sniffMessage } from '@paxscreen/edifact';

const GATEWAY = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
const SAMPLES = join(__dirname, '..', 'data', 'samples', 'manifests');

async function waitReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready in ${timeoutMs / 1000}s`);
}

async function main(): Promise<void> {
  const files = readdirSync(SAMPLES).filter((f) => !f.endsWith('.md'));
  // One demo API key per carrier found in the samples; the gateway only ever sees their hashes.
  const keys = new Map<string, string>();
  for (const file of files) {
    const carrier = sniffMessage(readFileSync(join(SAMPLES, file))).carrier ?? 'XX';
    if (!keys.has(carrier)) keys.set(carrier, `demo-${carrier}-${randomBytes(12).toString('hex')}`);
  }
  const spec = [...keys].map(([c, k]) => `${c}:${createHash('sha256').update(k).digest('hex')}`).join(',');
  execFileSync(join(__dirname, 'start-all.sh'), ['start'], {
    stdio: 'inherit',
    env: { ...process.env, GATEWAY_CARRIER_KEYS: spec },
  });
  await waitReady(GATEWAY);
  const rows: string[][] = [];
  for (const file of files) {
    const bytes = readFileSync(join(SAMPLES, file));
    const key = keys.get(sniffMessage(bytes).carrier ?? 'XX') ?? '';
    const res = await fetch(`${GATEWAY}/v1/messages`, {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/edifact', 'x-api-key': key },
    });
    const body = (await res.json()) as { receiptId?: string; code?: string };
    if (!body.receiptId) {
      rows.push([file, String(res.status), body.code ?? '', '']);
      continue;
    }
    let receipt: { status: string; messageType?: string } = { status: 'RECEIVED' };
    for (let i = 0; i < 100 && receipt.status === 'RECEIVED'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      receipt = (await (
        await fetch(`${GATEWAY}/v1/messages/${body.receiptId}`, { headers: { 'x-api-key': key } })
      ).json()) as typeof receipt;
    }
    rows.push([file, String(res.status), receipt.status, receipt.messageType ?? '']);
  }
  console.log('\nfile | HTTP | receipt status | message type');
  console.log('---|---|---|---');
  for (const r of rows) console.log(r.join(' | '));
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
