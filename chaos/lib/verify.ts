import { DeadLetter, type DecisionMade, Header, Topic, topicName } from '@paxscreen/contracts';

import { DecisionsOnTopic } from './decisions';
import { sleep } from './infra';
import { TopicCounter } from './topic-counter';
import type { Expected, Manifest } from './traffic';

interface DecisionSeen {
  records: number;
  decisionIds: Set<string>;
  correlationIds: Set<string>;
  outcomes: string[];
}

interface ReceiptSeen {
  status: string;
  travellers?: number;
}

/**
 * Everything the pipeline published, read back committed-only: decisions and traveller events by
 * traveller id, dead letters by code. Only the run's own travellers are kept in detail; every
 * decision goes to `onTopic` too (the decisions topic is read once for the ledger and both
 * database checks).
 */
export class Ledger {
  readonly expected = new Map<string, Manifest>();
  readonly decisions = new Map<string, DecisionSeen>();
  readonly travellerEvents = new Map<string, number>();
  /** Raw records per receipt id (more than one: the gateway sent the bytes again). */
  readonly rawRecords = new Map<string, number>();
  /** Dead letters by `stage:code` (one per letter, however many parts it was written in). */
  readonly deadLetters: Record<string, number> = {};
  /** Every dead-letter record of the receipts in `watched` (the poison messages). */
  readonly watchedLetters: DeadLetter.Value[] = [];
  otherDecisions = 0;
  /** Every decision on the topic (any traveller's), for the records and casework checks. */
  readonly onTopic: DecisionsOnTopic;
  private readonly decisionReader: TopicCounter;
  private readers: TopicCounter[] = [];

  constructor(
    private readonly brokers: string,
    manifests: Manifest[],
    private readonly watched: ReadonlySet<string> = new Set(),
  ) {
    for (const m of manifests) for (const id of m.travellerIds) this.expected.set(id, m);
    this.decisionReader = new TopicCounter(brokers, topicName(Topic.Decisions, ''), (value) =>
      this.decided(JSON.parse(value.toString('utf8')) as DecisionMade.Value),
    );
    this.onTopic = new DecisionsOnTopic(this.decisionReader);
  }

  private decided(d: DecisionMade.Value): void {
    this.onTopic.add(d);
    const id = d.decision.travellerId;
    if (!this.expected.has(id)) {
      this.otherDecisions++;
      return;
    }
    const seen = this.decisions.get(id) ?? {
      records: 0,
      decisionIds: new Set<string>(),
      correlationIds: new Set<string>(),
      outcomes: [],
    };
    seen.records++;
    seen.decisionIds.add(d.decision.decisionId);
    seen.correlationIds.add(d.correlationId);
    seen.outcomes.push(d.decision.outcome);
    this.decisions.set(id, seen);
  }

  async start(): Promise<void> {
    const travellers = new TopicCounter(this.brokers, topicName(Topic.Travellers, ''), (value) => {
      const t = JSON.parse(value.toString('utf8')) as { traveller: { travellerId: string } };
      const id = t.traveller.travellerId;
      this.travellerEvents.set(id, (this.travellerEvents.get(id) ?? 0) + 1);
    });
    const dlq = new TopicCounter(this.brokers, topicName(Topic.DeadLetter, ''), (value) => {
      const d = JSON.parse(value.toString('utf8')) as DeadLetter.Value;
      if (this.watched.has(d.correlationId)) this.watchedLetters.push(d);
      if (!DeadLetter.isFirstPart(d)) return;
      const key = `${d.stage}:${d.code}`;
      this.deadLetters[key] = (this.deadLetters[key] ?? 0) + 1;
    });
    const raw = new TopicCounter(this.brokers, topicName(Topic.MessagesRaw, ''), (_value, headers) => {
      const id = headers[Header.ReceiptId];
      if (id) this.rawRecords.set(id, (this.rawRecords.get(id) ?? 0) + 1);
    });
    this.readers = await Promise.all([
      this.decisionReader.start(),
      travellers.start(),
      dlq.start(),
      raw.start(),
    ]);
  }

  async stop(): Promise<void> {
    await Promise.all(this.readers.map((r) => r.stop()));
  }

  decidedCount(accepted: Manifest[]): number {
    let n = 0;
    for (const m of accepted) for (const id of m.travellerIds) if (this.decisions.has(id)) n++;
    return n;
  }
}

export interface Verdict {
  manifestsSent: number;
  manifestsAccepted: number;
  manifestsNotAccepted: number;
  travellersSent: number;
  travellersAccepted: number;
  /** Sum of the accepted receipts' traveller counts, as the gateway reports them. */
  receiptTravellerCount: number;
  decisionsFound: number;
  travellersDecided: number;
  lost: number;
  /** Where the lost travellers stopped: never in Kafka, in Kafka but not parsed, parsed but not screened. */
  lostAt: { notInKafka: number; notParsed: number; notScreened: number };
  /** Receipts whose bytes are in the raw topic more than once (resent; the parser reads one). */
  receiptsResent: number;
  stuckSample: string[];
  /** Decision records beyond one per traveller (same decision id repeated, or a second decision). */
  duplicated: number;
  duplicateRecordsSameId: number;
  travellersWithSeveralDecisionIds: number;
  travellerEventsDuplicated: number;
  travellerEventsMissing: number;
  stuckReceipts: number;
  receiptsNotFound: number;
  receiptCountMismatches: number;
  /** Carrier got two different receipt ids for one Idempotency-Key. */
  manifestsWithSeveralReceipts: number;
  receiptStatuses: Record<string, number>;
  deadLetters: Record<string, number>;
  trueHits: { planted: number; found: number; missed: string[] };
  otherDecisions: number;
  lostSample: string[];
  duplicatedSample: string[];
}

export async function fetchReceipts(
  gatewayUrl: string,
  apiKey: string,
  manifests: Manifest[],
): Promise<Map<string, ReceiptSeen | 'NOT_FOUND' | 'ERROR'>> {
  const out = new Map<string, ReceiptSeen | 'NOT_FOUND' | 'ERROR'>();
  const ids = manifests.flatMap((m) => [...m.receiptIds]);
  for (let i = 0; i < ids.length; i += 16) {
    await Promise.all(
      ids.slice(i, i + 16).map(async (id) => {
        try {
          const res = await fetch(`${gatewayUrl}/v1/messages/${id}`, {
            headers: { 'x-api-key': apiKey },
            signal: AbortSignal.timeout(5000),
          });
          if (res.status === 404) return out.set(id, 'NOT_FOUND');
          if (!res.ok) return out.set(id, 'ERROR');
          const r = (await res.json()) as { status: string; counts?: { travellers?: number } };
          out.set(id, { status: r.status, travellers: r.counts?.travellers });
        } catch {
          out.set(id, 'ERROR');
        }
      }),
    );
  }
  return out;
}

const FINAL = new Set(['PARSED', 'REJECTED']);

/** Waits (bounded) until every accepted traveller has a decision and every receipt is final. */
export async function settle(
  ledger: Ledger,
  accepted: Manifest[],
  receipts: () => Promise<Map<string, ReceiptSeen | 'NOT_FOUND' | 'ERROR'>>,
  timeoutMs: number,
  idleMs: number,
  log: (line: string) => void,
): Promise<{ settled: boolean; ms: number; why: string }> {
  const began = Date.now();
  const want = accepted.reduce((n, m) => n + m.travellerIds.length, 0);
  let lastLog = 0;
  let lastProgress = Date.now();
  let lastDecided = -1;
  while (Date.now() - began < timeoutMs) {
    const decided = ledger.decidedCount(accepted);
    if (decided !== lastDecided) {
      lastDecided = decided;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > idleMs) {
      return { settled: false, ms: Date.now() - began, why: `no new decision for ${idleMs / 1000} s` };
    }
    let final = 0;
    let total = 0;
    if (decided >= want) {
      const r = await receipts();
      total = r.size;
      for (const v of r.values()) if (typeof v === 'object' && FINAL.has(v.status)) final++;
      if (final === total) {
        // Late duplicates would show up now: give the topics a moment more.
        await sleep(5000);
        return { settled: true, ms: Date.now() - began, why: 'every traveller decided, every receipt final' };
      }
    }
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(
        `settling: ${decided}/${want} travellers decided${total ? `, ${final}/${total} receipts final` : ''}`,
      );
    }
    await sleep(1000);
  }
  return { settled: false, ms: Date.now() - began, why: `timeout after ${timeoutMs / 1000} s` };
}

export function verdict(
  manifests: Manifest[],
  ledger: Ledger,
  receipts: Map<string, ReceiptSeen | 'NOT_FOUND' | 'ERROR'>,
): Verdict {
  const accepted = manifests.filter((m) => m.accepted);
  let lost = 0;
  let duplicated = 0;
  let duplicateRecordsSameId = 0;
  let severalIds = 0;
  let decisionsFound = 0;
  let decided = 0;
  let eventsDuplicated = 0;
  let eventsMissing = 0;
  const lostSample: string[] = [];
  const lostAt = { notInKafka: 0, notParsed: 0, notScreened: 0 };
  const duplicatedSample: string[] = [];
  const hits = { planted: 0, found: 0, missed: [] as string[] };
  const wantOutcome: Record<Expected, string[]> = {
    HIT_WATCHLIST: ['REFER', 'NO_BOARD'],
    HIT_STOLEN: ['NO_BOARD'],
  };
  for (const m of accepted) {
    for (const id of m.travellerIds) {
      const seen = ledger.decisions.get(id);
      const events = ledger.travellerEvents.get(id) ?? 0;
      if (events === 0) eventsMissing++;
      if (events > 1) eventsDuplicated += events - 1;
      if (!seen) {
        lost++;
        if ([...m.receiptIds].every((r) => !ledger.rawRecords.get(r))) lostAt.notInKafka++;
        else if (events === 0) lostAt.notParsed++;
        else lostAt.notScreened++;
        if (lostSample.length < 10) lostSample.push(`manifest ${m.index} traveller ${id}`);
        continue;
      }
      decided++;
      decisionsFound += seen.records;
      if (seen.records > 1) {
        duplicated += seen.records - 1;
        duplicateRecordsSameId += seen.records - seen.decisionIds.size;
        if (duplicatedSample.length < 10)
          duplicatedSample.push(
            `manifest ${m.index} traveller ${id}: ${seen.records} records, ${seen.decisionIds.size} ids, receipts ${[...seen.correlationIds].join(' ')}`,
          );
      }
      if (seen.decisionIds.size > 1) severalIds++;
      const hit = m.hits.get(id);
      if (hit) {
        hits.planted++;
        if (seen.outcomes.every((o) => wantOutcome[hit].includes(o))) hits.found++;
        else hits.missed.push(`${hit} ${id}: ${seen.outcomes.join(',')}`);
      }
    }
  }
  let stuck = 0;
  let notFound = 0;
  let mismatches = 0;
  let receiptTravellerCount = 0;
  const statuses: Record<string, number> = {};
  const stuckSample: string[] = [];
  for (const m of accepted) {
    for (const id of m.receiptIds) {
      const r = receipts.get(id);
      const status = typeof r === 'object' ? r.status : (r ?? 'NOT_CHECKED');
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (r === 'NOT_FOUND') notFound++;
      if (typeof r !== 'object' || !FINAL.has(r.status)) {
        stuck++;
        if (stuckSample.length < 10)
          stuckSample.push(
            `manifest ${m.index} receipt ${id}: ${status}, ${ledger.rawRecords.get(id) ?? 0} raw records`,
          );
      }
      if (typeof r === 'object') {
        receiptTravellerCount += r.travellers ?? 0;
        if (r.travellers !== m.travellerIds.length) mismatches++;
      }
    }
  }
  return {
    manifestsSent: manifests.length,
    manifestsAccepted: accepted.length,
    manifestsNotAccepted: manifests.length - accepted.length,
    travellersSent: manifests.reduce((n, m) => n + m.travellerIds.length, 0),
    travellersAccepted: accepted.reduce((n, m) => n + m.travellerIds.length, 0),
    receiptTravellerCount,
    decisionsFound,
    travellersDecided: decided,
    lost,
    lostAt,
    receiptsResent: [...ledger.rawRecords.values()].filter((n) => n > 1).length,
    stuckSample,
    duplicated,
    duplicateRecordsSameId,
    travellersWithSeveralDecisionIds: severalIds,
    travellerEventsDuplicated: eventsDuplicated,
    travellerEventsMissing: eventsMissing,
    stuckReceipts: stuck,
    receiptsNotFound: notFound,
    receiptCountMismatches: mismatches,
    manifestsWithSeveralReceipts: accepted.filter((m) => m.receiptIds.size > 1).length,
    receiptStatuses: statuses,
    deadLetters: ledger.deadLetters,
    trueHits: hits,
    otherDecisions: ledger.otherDecisions,
    lostSample,
    duplicatedSample,
  };
}
