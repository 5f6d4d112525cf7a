import type { CaseworkErrorCode, HitSummary } from '@paxscreen/contracts';

/**
 * A refused casework action with its HTTP status and stable code; conflicts carry the hit's
 * current state so the client can show it without asking again.
 */
export class CaseworkError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: CaseworkErrorCode,
    message: string,
    readonly current?: HitSummary,
  ) {
    super(message);
    this.name = 'CaseworkError';
  }
}
