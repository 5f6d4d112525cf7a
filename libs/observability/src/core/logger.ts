import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

import pino, { type Logger } from 'pino';

import { redactPersonalData } from './redact';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** Service name, e.g. `gateway`. */
  service: string;
  level?: string;
  /** Where to write (defaults to stdout); tests pass a stream to inspect output. */
  destination?: pino.DestinationStream;
  /**
   * A file to append to instead of stdout (`LOG_FILE`): for hosts that collect files, and for the
   * log-privacy test, which scans every line an app wrote. Created with its folder when missing.
   */
  file?: string;
}

/**
 * Structured JSON logs (pino). Every log object passes through `redactPersonalData`, so a field
 * such as `surname` or `documents` is masked at any depth.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      name: options.service,
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: options.service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactPersonalData(object) as Record<string, unknown>,
      },
      serializers: { err: (e: unknown) => redactPersonalData(e) },
    },
    options.destination ??
      (options.file
        ? pino.destination({ dest: openLogFile(options.file), sync: false })
        : pino.destination({ sync: false })),
  );
}

/** Opened now, not on first write: a LOG_FILE that cannot be written fails the app at start. */
function openLogFile(file: string): number {
  mkdirSync(dirname(file), { recursive: true });
  return openSync(file, 'a');
}
