import type {
  DispositionOutcome,
  EncounterResult,
  HitDisposition,
  Lookout,
  ReasonVerdict,
} from '@paxscreen/contracts';

import { CaseworkError } from './errors';
import { type HitRecord, summaryOf } from './hit';

/** Who acts: the staff token's subject and roles. */
export interface Actor {
  subject: string;
  roles: readonly string[];
}

const isSupervisor = (a: Actor) => a.roles.includes('supervisor');
const conflict = (
  hit: HitRecord,
  code: 'STALE_VERSION' | 'ALREADY_CLAIMED' | 'NOT_CLAIMED' | 'HIT_CLOSED',
  message: string,
) => new CaseworkError(409, code, message, summaryOf(hit));

/** Decided and closed hits take no more claims or dispositions. */
function assertOpen(hit: HitRecord): void {
  if (hit.status === 'DECIDED' || hit.status === 'CLOSED')
    throw conflict(hit, 'HIT_CLOSED', `the hit is ${hit.status.toLowerCase()}`);
}

/** Someone else holds it: checked before the version, so the answer names the real obstacle. */
function assertNotClaimedByOther(hit: HitRecord, actor: Actor): void {
  if (hit.status === 'IN_REVIEW' && hit.claimedBy && hit.claimedBy !== actor.subject)
    throw conflict(hit, 'ALREADY_CLAIMED', 'another analyst has claimed this hit');
}

function assertVersion(hit: HitRecord, version: number): void {
  if (hit.version !== version) throw conflict(hit, 'STALE_VERSION', 'the hit changed since you read it');
}

function bumped(hit: HitRecord, now: Date, change: Partial<HitRecord>): HitRecord {
  return { ...hit, ...change, version: hit.version + 1, updatedAt: now.toISOString() };
}

/** NEW → IN_REVIEW (claimedBy). Exclusive: two analysts never hold one hit. */
export function claim(hit: HitRecord, actor: Actor, version: number, now: Date): HitRecord {
  assertOpen(hit);
  assertNotClaimedByOther(hit, actor);
  assertVersion(hit, version);
  return bumped(hit, now, { status: 'IN_REVIEW', claimedBy: actor.subject });
}

/** IN_REVIEW → NEW. The holder releases; a supervisor may release anyone's claim. */
export function release(hit: HitRecord, actor: Actor, version: number, now: Date): HitRecord {
  assertOpen(hit);
  if (hit.status !== 'IN_REVIEW') throw conflict(hit, 'NOT_CLAIMED', 'the hit is not claimed');
  if (!isSupervisor(actor)) assertNotClaimedByOther(hit, actor);
  assertVersion(hit, version);
  const next = bumped(hit, now, { status: 'NEW' });
  delete next.claimedBy;
  return next;
}

export const NOTE_MAX_LENGTH = 4000;

export interface DispositionInput {
  version: number;
  reasons: { reasonKey: string; verdict: ReasonVerdict }[];
  outcome: DispositionOutcome;
  note?: string;
  legalBasis?: string;
}

/**
 * The disposition's own rules, before the hit's state is looked at: a note always (400
 * NOTE_REQUIRED); DENY_BOARDING only by a supervisor (403 SUPERVISOR_REQUIRED) and only with a
 * legal basis (400 LEGAL_BASIS_REQUIRED); verdicts only on the hit's reasons (400 UNKNOWN_REASON).
 */
export function validateDisposition(hit: HitRecord, input: DispositionInput, actor: Actor): void {
  if (!input.note?.trim())
    throw new CaseworkError(400, 'NOTE_REQUIRED', 'a disposition needs a note saying why');
  if (input.outcome === 'DENY_BOARDING') {
    if (!isSupervisor(actor))
      throw new CaseworkError(403, 'SUPERVISOR_REQUIRED', 'only a supervisor may deny boarding');
    if (!input.legalBasis?.trim())
      throw new CaseworkError(400, 'LEGAL_BASIS_REQUIRED', 'denying boarding needs the legal basis');
  }
  const known = new Set(hit.reasons.map((r) => r.reasonKey));
  const unknown = input.reasons.filter((r) => !known.has(r.reasonKey)).map((r) => r.reasonKey);
  if (unknown.length > 0)
    throw new CaseworkError(400, 'UNKNOWN_REASON', `the hit has no reason ${unknown.slice(0, 5).join(', ')}`);
}

export interface DispositionEffect {
  hit: HitRecord;
  disposition: HitDisposition;
  /** Reasons found FALSE_POSITIVE now: published so screening remembers them. */
  falsePositives: HitRecord['reasons'];
}

/** NEW / IN_REVIEW (by this analyst) → DECIDED, with a verdict per named reason. */
export function decide(
  hit: HitRecord,
  input: DispositionInput,
  actor: Actor,
  now: Date,
  dispositionId: string,
): DispositionEffect {
  validateDisposition(hit, input, actor);
  assertOpen(hit);
  assertNotClaimedByOther(hit, actor);
  assertVersion(hit, input.version);
  const verdicts = new Map(input.reasons.map((r) => [r.reasonKey, r.verdict]));
  const reasons = hit.reasons.map((r) =>
    verdicts.has(r.reasonKey) ? { ...r, verdict: verdicts.get(r.reasonKey) } : r,
  );
  const next = bumped(hit, now, { status: 'DECIDED', claimedBy: actor.subject, reasons });
  return {
    hit: next,
    disposition: {
      dispositionId,
      outcome: input.outcome,
      analyst: actor.subject,
      note: input.note!.trim(),
      ...(input.legalBasis?.trim() ? { legalBasis: input.legalBasis.trim() } : {}),
      decidedAt: now.toISOString(),
    },
    falsePositives: reasons.filter((r) => verdicts.get(r.reasonKey) === 'FALSE_POSITIVE'),
  };
}

/** An encounter at the port closes the lookout and its hit. */
export function encounter(
  lookout: Lookout,
  hit: HitRecord,
  result: EncounterResult,
  actor: Actor,
  now: Date,
): { lookout: Lookout; hit: HitRecord } {
  if (lookout.status !== 'OPEN')
    throw new CaseworkError(409, 'LOOKOUT_CLOSED', 'the encounter was already recorded', summaryOf(hit));
  const at = now.toISOString();
  return {
    lookout: { ...lookout, status: 'CLOSED', result, encounteredBy: actor.subject, encounteredAt: at },
    hit: bumped(hit, now, { status: 'CLOSED' }),
  };
}
