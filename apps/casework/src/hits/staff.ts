import { decodeContract } from '@paxscreen/contracts';
import type { Actor } from '@paxscreen/casework';
import { ApiError, type StaffRequest } from '@paxscreen/http';

/** The acting staff member of an authenticated request. */
export function actorOf(req: StaffRequest): Actor {
  return { subject: req.principal!.subject, roles: req.principal!.roles };
}

/** A JSON body (the apps keep raw bytes) validated against its class; 400 INVALID_BODY otherwise. */
export function bodyOf<T extends object>(cls: new () => T, body: unknown): T {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new ApiError(400, 'INVALID_BODY', 'send a JSON body');
  return decodeContract(cls, body);
}
