import { HttpException } from '@nestjs/common';

/**
 * An error answered to a client as `{ code, message, requestId, details? }`. `code` is stable and
 * machine-readable (documented in the README); `message` never holds personal data.
 */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super({ code, message, details }, status);
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  requestId?: string;
  details?: Record<string, unknown>;
}
