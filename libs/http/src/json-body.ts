import { decodeContract } from '@paxscreen/contracts';

import { ApiError } from './api-error';

/**
 * A JSON body a person sent (the apps keep raw bytes) validated against its class by
 * decodeContract: empty is 400 INVALID_BODY here; not JSON, the wrong shape or an escaped NUL is a
 * ContractViolation, answered 400 INVALID_BODY by ErrorFilter with `details.problems` naming the fields.
 */
export function bodyOf<T extends object>(cls: new () => T, body: unknown): T {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new ApiError(400, 'INVALID_BODY', 'send a JSON body');
  return decodeContract(cls, body);
}
