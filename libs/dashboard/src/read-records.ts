import { DeadLetter, Header, ListVersion, OUTCOMES, Outcome, REASON_KINDS } from '@paxscreen/contracts';
import { traceIdOf } from '@paxscreen/observability';

import { initials, maskedDocument } from './masking';

/**
 * Readers of the records the dashboard consumes. They pick only the fields the figures need,
 * defensively (a malformed record yields undefined and is counted, never thrown): the dashboard
 * only reads and must keep streaming whatever a producer wrote. Full class-validator decoding of
 * every decision would cost more than the rest of the aggregation together.
 */

/** Outcomes an operator is shown one by one (masked). */
export const FLAGGED_OUTCOMES: readonly Outcome[] = ['REFER', 'NO_BOARD'];

export interface FlaggedReason {
  kind: string;
  listId: string;
  score: number;
}

/** A REFER / NO_BOARD decision as the operator sees it: no name, birth date or document number. */
export interface FlaggedDecision {
  decisionId: string;
  outcome: Outcome;
  decidedAt: number;
  /** Carrier + number and route, e.g. `ZZ0100 LHR→JFK`. */
  flight: string;
  initials: string;
  document: string;
  /** List ids and scores only: a reason's explanation and label may name the listed person. */
  reasons: FlaggedReason[];
  /** True for a re-vet or a new manifest version replacing an earlier decision. */
  supersedes: boolean;
  receiptId: string;
  traceId?: string;
}

export interface DecisionFacts {
  outcome: Outcome;
  decidedAt: number;
  /** When the gateway accepted the carrier message (absent for re-vets). */
  receivedAt?: number;
  flagged?: FlaggedDecision;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function parse(bytes: Buffer | null): Json | undefined {
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function flightOf(flight: unknown): string {
  if (!isObject(flight)) return '';
  const from = isObject(flight.departure) ? str(flight.departure.port) : undefined;
  const to = isObject(flight.arrival) ? str(flight.arrival.port) : undefined;
  const route = from && to ? ` ${from}→${to}` : '';
  return `${str(flight.carrier) ?? ''}${str(flight.number) ?? ''}${route}`;
}

function reasonsOf(reasons: unknown): FlaggedReason[] {
  if (!Array.isArray(reasons)) return [];
  return reasons.filter(isObject).map((r) => ({
    kind: REASON_KINDS.find((k) => k === r.kind) ?? 'UNKNOWN',
    listId: isObject(r.source) ? (str(r.source.listId) ?? '') : '',
    score: num(r.score) ?? 0,
  }));
}

/** The facts of one record of `Topic.Decisions`, masked; undefined when it is not a decision. */
export function readDecision(
  bytes: Buffer | null,
  headers: Record<string, string> = {},
): DecisionFacts | undefined {
  const event = parse(bytes);
  const decision = event && isObject(event.decision) ? event.decision : undefined;
  const timings = decision && isObject(decision.timings) ? decision.timings : undefined;
  const outcome = OUTCOMES.find((o) => o === decision?.outcome);
  const decidedAt = num(timings?.decidedAt);
  if (!event || !decision || !outcome || decidedAt === undefined) return undefined;
  // A traveller marked cancelled / offloaded after check-in repeats an earlier decision: not
  // another screening, so not counted again.
  if (event.travellerStatus !== undefined) return undefined;
  const facts: DecisionFacts = { outcome, decidedAt, receivedAt: num(timings?.receivedAt) };
  if (!FLAGGED_OUTCOMES.includes(outcome)) return facts;
  const subject = isObject(event.subject) ? event.subject : {};
  const documents = Array.isArray(subject.documents) ? subject.documents.filter(isObject) : [];
  facts.flagged = {
    decisionId: str(decision.decisionId) ?? '',
    outcome,
    decidedAt,
    flight: flightOf(event.flight),
    initials: initials(str(subject.surname), str(subject.givenNames)),
    document: maskedDocument(str(documents[0]?.number)),
    reasons: reasonsOf(decision.reasons),
    supersedes: typeof decision.supersedes === 'string',
    receiptId: str(event.correlationId) ?? '',
    traceId: traceIdOf(str(event.traceparent) ?? headers[Header.TraceParent]),
  };
  return facts;
}

/** A dead letter as shown: where and why, never the payload, key, headers or message text. */
export interface DeadLetterFacts {
  stage: string;
  code: string;
  sourceTopic: string;
  at: number;
}

export function readDeadLetter(bytes: Buffer | null, fallbackAt: number): DeadLetterFacts | undefined {
  const event = parse(bytes);
  // One letter written in several parts counts once (its first part).
  if (!event || !DeadLetter.isFirstPart(event as Pick<DeadLetter.Value, 'payload'>)) return undefined;
  const stage = DeadLetter.DEAD_LETTER_STAGES.find((s) => s === event.stage);
  const code = str(event.code);
  if (!stage || !code || !/^[A-Z0-9_]{1,64}$/.test(code)) return undefined;
  const at = Date.parse(str(event.occurredAt) ?? '');
  return { stage, code, sourceTopic: str(event.sourceTopic) ?? '', at: Number.isNaN(at) ? fallbackAt : at };
}

export type ListVersionFacts = Pick<
  ListVersion.Value,
  'listId' | 'kind' | 'version' | 'format' | 'importedAt' | 'entries' | 'diff'
>;

export function readListVersion(bytes: Buffer | null): ListVersionFacts | undefined {
  const event = parse(bytes);
  if (!event) return undefined;
  const kind = ListVersion.LIST_KINDS.find((k) => k === event.kind);
  const listId = str(event.listId);
  const version = str(event.version);
  const entries = num(event.entries);
  if (!kind || !listId || !version || entries === undefined) return undefined;
  const diff = isObject(event.diff) ? event.diff : {};
  return {
    listId,
    kind,
    version,
    format: str(event.format) ?? '',
    importedAt: str(event.importedAt) ?? '',
    entries,
    diff: {
      added: num(diff.added) ?? 0,
      changed: num(diff.changed) ?? 0,
      removed: num(diff.removed) ?? 0,
      unchanged: num(diff.unchanged) ?? 0,
    },
  };
}
