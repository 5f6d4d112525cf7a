import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Nest's own log lines (bootstrap, routes, exceptions) through the redacting pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private fields(optionalParams: unknown[]): Record<string, unknown> {
    const context = optionalParams[optionalParams.length - 1];
    return typeof context === 'string' ? { context } : {};
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.info(this.fields(optionalParams), String(message));
  }
  error(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.error(
      this.fields(optionalParams),
      message instanceof Error ? message.message : String(message),
    );
  }
  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.warn(this.fields(optionalParams), String(message));
  }
  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.debug(this.fields(optionalParams), String(message));
  }
  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.trace(this.fields(optionalParams), String(message));
  }
}
