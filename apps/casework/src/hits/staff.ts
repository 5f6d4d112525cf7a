import type { Actor } from '@paxscreen/casework';
import type { StaffRequest } from '@paxscreen/http';

/** The acting staff member of an authenticated request. */
export function actorOf(req: StaffRequest): Actor {
  return { subject: req.principal!.subject, roles: req.principal!.roles };
}
