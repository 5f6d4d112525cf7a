import { readFileSync } from 'node:fs';

/**
 * What must not outlive the process that started it (brokers, redis-servers, apps), killed
 * synchronously when this process exits for whatever reason: the end of the run, a failure, an
 * uncaught error, or (after `exitOnSignals`) Ctrl-C.
 */
const killers = new Set<() => void>();
let hooked = false;

export function killOnExit(kill: () => void): void {
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const k of killers) {
        try {
          k();
        } catch {
          // already gone
        }
      }
      killers.clear();
    });
  }
  killers.add(kill);
}

let signalsHooked = false;

/** SIGINT / SIGTERM end the process (exit code 130), so that everything above is killed too. */
export function exitOnSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it answers true; throws naming `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(intervalMs);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/** Resident set size of a process, bytes (0 when it is gone). */
export function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process used so far, seconds. */
export function cpuSecondsOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat (11 and 12 after "comm) state").
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
