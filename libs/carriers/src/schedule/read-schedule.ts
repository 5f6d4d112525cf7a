import { readScheduleCsv, looksLikeScheduleCsv } from './csv.reader';
import { ScheduleError, ScheduleRead } from './scheduled-flight';
import { looksLikeSsim, readSsim, SsimOptions } from './ssim.reader';

export interface ScheduleOptions extends SsimOptions {
  /** Carriers paxscreen knows (with keys or a profile): flights of others are kept, but flagged. */
  knownCarriers?: ReadonlySet<string>;
}

/**
 * Reads a schedule upload: SSIM chapter 7 or the simple CSV, recognised from the content. Bad rows
 * become `error` issues (skipped); flights of carriers not known become `warning` issues (kept).
 */
export function readSchedule(bytes: Buffer, options: ScheduleOptions = {}): ScheduleRead {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  let read: ScheduleRead;
  if (looksLikeScheduleCsv(lines[0] ?? '')) read = readScheduleCsv(text);
  else if (looksLikeSsim(lines)) read = readSsim(text, options);
  else
    throw new ScheduleError(
      'UNKNOWN_SCHEDULE_FORMAT',
      'neither an SSIM chapter 7 file (flight leg records) nor a CSV with the schedule columns',
    );
  const known = options.knownCarriers;
  if (known) {
    const flagged = new Set<number>();
    for (const f of read.flights) {
      if (known.has(f.carrier) || flagged.has(f.line)) continue;
      flagged.add(f.line);
      read.issues.push({
        line: f.line,
        severity: 'warning',
        code: 'UNKNOWN_CARRIER',
        message: `carrier ${f.carrier} is not known; its flights are kept and flagged`,
      });
    }
    read.issues.sort((a, b) => a.line - b.line);
  }
  return read;
}
