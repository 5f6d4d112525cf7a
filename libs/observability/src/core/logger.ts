import pino, { type Logger } from 'pino';

import { redactPersonalData } from './redact';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** Service name, e.g. `gateway`. */
  service: string;
  level?: string;
  /** Where to write (defaults to stdout); tests pass a stream to inspect output. */
  destination?: pino.DestinationStream;
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
    options.destination ?? pino.destination({ sync: false }),
  );
}
