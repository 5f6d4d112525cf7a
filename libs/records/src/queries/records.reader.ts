import { Kysely, sql } from 'kysely';

import { documentKey } from '../mapping/keys';
import { nameSearchText, nameSkeleton } from '../mapping/names';
import type { RecordsDatabase, StoredAuditEvent, StoredDecision } from '../schema';
import { decodeCursor, InvalidCursorError, Page, pageOf } from './cursor';

/** A decision as the search API shows it. */
export interface DecisionView {
  decisionId: string;
  travellerId: string;
  manifestId: string;
  receiptId: string;
  flight: { carrier: string; number: string; date: string; departure: string; arrival: string };
  outcome: string;
  supersedes: string | null;
  reasons: unknown[];
  listVersions: Record<string, string>;
  subject: {
    surname: string;
    givenNames: string;
    dateOfBirth: string | null;
    nationality: string | null;
    documents: string[];
  };
  decidedAt: string;
  /** Set when the carrier cancelled or offloaded the traveller after check-in. */
  travellerStatus?: { state: string; at: string };
}

export interface AuditView {
  eventId: string;
  occurredAt: string;
  action: string;
  actor: string;
  role: string;
  target: string;
  outcome: string;
  details: Record<string, string | number | boolean> | null;
}

/** One flight (carrier, number, travel date, route) and what was decided for its travellers. */
export interface FlightSummary {
  carrier: string;
  number: string;
  date: string;
  departure: string;
  arrival: string;
  /** Travellers with a current decision (one with two current decisions of different outcomes counts twice). */
  travellers: number;
  /** Travellers per current outcome (CLEAR, REFER, NO_BOARD, EXPEDITE…). */
  outcomes: Record<string, number>;
}

export interface FlightFilter {
  carrier?: string;
  /** Departure or arrival port. */
  port?: string;
  from?: string;
  to?: string;
}

export interface NameHit extends DecisionView {
  /** 0..1: trigram similarity, or 0.9 for a consonant-skeleton match (spelling variant). */
  score: number;
}

export interface AuditFilter {
  actor?: string;
  target?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Score given to a transliteration variant found by the name skeleton alone. */
const SKELETON_MATCH_SCORE = 0.9;
/** Lowest trigram similarity a name hit needs (pg_trgm's own default threshold). */
const TRIGRAM_THRESHOLD = 0.3;

/** A cursor's timestamp part. */
function at(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new InvalidCursorError();
  return d;
}

/** A cursor's score part. */
function scoreOf(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n)) throw new InvalidCursorError();
  return n;
}

/**
 * The keyset condition "after the cursor's row" for an order by (first, second) in one direction:
 * a row comparison, which PostgreSQL answers from an index on the two columns.
 */
function pastCursor(
  first: string,
  second: string,
  direction: 'asc' | 'desc',
  cursor: readonly [unknown, unknown],
) {
  return sql<boolean>`(${sql.ref(first)}, ${sql.ref(second)}) ${sql.raw(direction === 'asc' ? '>' : '<')} (${cursor[0]}, ${cursor[1]})`;
}

/**
 * The columns a decision view shows: the stored event (the hot-path copy, the largest column) and
 * the search keys are not read for an answer.
 */
const VIEW_COLUMNS = [
  'decision_id',
  'traveller_id',
  'manifest_id',
  'correlation_id',
  'carrier',
  'flight_number',
  'travel_date',
  'departure_port',
  'arrival_port',
  'outcome',
  'supersedes',
  'reasons',
  'list_versions',
  'surname',
  'given_names',
  'date_of_birth',
  'nationality',
  'document_keys',
  'decided_at',
  'traveller_status',
  'traveller_status_at',
] as const satisfies readonly (keyof StoredDecision)[];
type ViewRow = Pick<StoredDecision, (typeof VIEW_COLUMNS)[number]>;

function decisionView(r: ViewRow): DecisionView {
  return {
    decisionId: r.decision_id,
    travellerId: r.traveller_id,
    manifestId: r.manifest_id,
    receiptId: r.correlation_id,
    flight: {
      carrier: r.carrier,
      number: r.flight_number,
      date: r.travel_date,
      departure: r.departure_port,
      arrival: r.arrival_port,
    },
    outcome: r.outcome,
    supersedes: r.supersedes,
    reasons: r.reasons,
    listVersions: r.list_versions,
    subject: {
      surname: r.surname,
      givenNames: r.given_names,
      dateOfBirth: r.date_of_birth,
      nationality: r.nationality,
      documents: r.document_keys,
    },
    decidedAt: r.decided_at.toISOString(),
    ...(r.traveller_status
      ? { travellerStatus: { state: r.traveller_status, at: r.traveller_status_at?.toISOString() ?? '' } }
      : {}),
  };
}

function auditView(r: StoredAuditEvent): AuditView {
  return {
    eventId: r.event_id,
    occurredAt: r.occurred_at.toISOString(),
    action: r.action,
    actor: r.actor,
    role: r.role,
    target: r.target,
    outcome: r.outcome,
    details: r.details,
  };
}

/**
 * The search and view queries. Every filter is a bound parameter (Kysely), never SQL text built
 * from input; every list is keyset-paginated (a cursor names the last row seen).
 */
export class RecordsReader {
  constructor(private readonly db: Kysely<RecordsDatabase>) {}

  /** A flight's travellers with each one's current decision, by traveller id. */
  async flightManifest(
    flight: { carrier: string; number: string; date: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<DecisionView>> {
    const after = decodeCursor(cursor, 1);
    const rows = await this.db
      .selectFrom('decisions')
      .select(VIEW_COLUMNS)
      .distinctOn('traveller_id')
      .where('carrier', '=', flight.carrier)
      .where('flight_number', '=', flight.number)
      .where('travel_date', '=', flight.date)
      .$if(after !== undefined, (q) => q.where('traveller_id', '>', after![0]))
      .orderBy('traveller_id')
      .orderBy('decided_at', 'desc')
      .orderBy('decision_id', 'desc')
      .limit(limit + 1)
      .execute();
    return pageOf(rows, limit, decisionView, (r) => [r.traveller_id]);
  }

  /**
   * Flights by carrier, port (departure or arrival) and travel dates (inclusive), oldest first,
   * with their travellers' current decisions counted per outcome.
   */
  async flights(filter: FlightFilter, limit: number, cursor?: string): Promise<Page<FlightSummary>> {
    const after = decodeCursor(cursor, 4);
    const where = [sql<boolean>`true`];
    if (filter.carrier !== undefined) where.push(sql<boolean>`carrier = ${filter.carrier}`);
    if (filter.port !== undefined)
      where.push(sql<boolean>`(departure_port = ${filter.port} or arrival_port = ${filter.port})`);
    if (filter.from !== undefined) where.push(sql<boolean>`travel_date >= ${filter.from}::date`);
    if (filter.to !== undefined) where.push(sql<boolean>`travel_date <= ${filter.to}::date`);
    if (after !== undefined)
      where.push(
        sql<boolean>`(travel_date, carrier, flight_number, departure_port) > (${after[0]}::date, ${after[1]}, ${after[2]}, ${after[3]})`,
      );
    // Per flight and outcome first, then per flight: one pass over the flight's decisions.
    const rows = await sql<{
      travel_date: string;
      carrier: string;
      flight_number: string;
      departure_port: string;
      arrival_port: string;
      travellers: number;
      outcomes: Record<string, number>;
    }>`
      with per_outcome as (
        select travel_date, carrier, flight_number, departure_port, max(arrival_port) as arrival_port,
               outcome, count(distinct traveller_id) as n
        from current_decisions
        where ${sql.join(where, sql` and `)}
        group by travel_date, carrier, flight_number, departure_port, outcome)
      select travel_date, carrier, flight_number, departure_port, max(arrival_port) as arrival_port,
             sum(n)::int as travellers, jsonb_object_agg(outcome, n) as outcomes
      from per_outcome
      group by travel_date, carrier, flight_number, departure_port
      order by travel_date, carrier, flight_number, departure_port
      limit ${limit + 1}`.execute(this.db);
    return pageOf(
      rows.rows,
      limit,
      (r) => ({
        carrier: r.carrier,
        number: r.flight_number,
        date: String(r.travel_date),
        departure: r.departure_port,
        arrival: r.arrival_port,
        travellers: Number(r.travellers),
        outcomes: r.outcomes,
      }),
      (r) => [String(r.travel_date), r.carrier, r.flight_number, r.departure_port],
    );
  }

  /** Every screening of a traveller, oldest first, with the supersedes chain. */
  async travellerHistory(travellerId: string, limit: number, cursor?: string): Promise<Page<DecisionView>> {
    const after = decodeCursor(cursor, 2);
    const rows = await this.db
      .selectFrom('decisions')
      .select(VIEW_COLUMNS)
      .where('traveller_id', '=', travellerId)
      .$if(after !== undefined, (q) =>
        q.where(pastCursor('decided_at', 'decision_id', 'asc', [at(after![0]), after![1]])),
      )
      .orderBy('decided_at')
      .orderBy('decision_id')
      .limit(limit + 1)
      .execute();
    return pageOf(rows, limit, decisionView, (r) => [r.decided_at.toISOString(), r.decision_id]);
  }

  /** Current decisions for a travel document, newest first. */
  async byDocument(
    issuer: string,
    number: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<DecisionView>> {
    const after = decodeCursor(cursor, 2);
    const rows = await this.db
      .selectFrom('current_decisions')
      .select(VIEW_COLUMNS)
      .where('document_keys', '@>', sql<string[]>`array[${documentKey(issuer, number)}]::text[]`)
      .$if(after !== undefined, (q) =>
        q.where(pastCursor('decided_at', 'decision_id', 'desc', [at(after![0]), after![1]])),
      )
      .orderBy('decided_at', 'desc')
      .orderBy('decision_id', 'desc')
      .limit(limit + 1)
      .execute();
    return pageOf(rows, limit, decisionView, (r) => [r.decided_at.toISOString(), r.decision_id]);
  }

  /**
   * The decision events (as published) of a document's current decisions made since `since`: what
   * the hot path holds for it, answered from PostgreSQL while the hot path is being refilled.
   */
  async currentEventsForDocument(
    issuer: string,
    number: string,
    since: Date,
    limit = 50,
  ): Promise<unknown[]> {
    const rows = await this.db
      .selectFrom('current_decisions')
      .select('event')
      .where('document_keys', '@>', sql<string[]>`array[${documentKey(issuer, number)}]::text[]`)
      .where('decided_at', '>=', since)
      .where('event', 'is not', null)
      .orderBy('decided_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.event);
  }

  /**
   * Current decisions whose traveller's name resembles `query`: trigram similarity on the folded
   * name, or the same consonant skeleton (transliteration variants: "Muhammad Aly" finds
   * "MOHAMED ALI"). Best first, then by decision id.
   *
   * The names are scored in `decision_names` (one row per distinct name; trigram and skeleton
   * indexes), best first. Their decisions are then read one score group at a time, best first, each name's current decisions in decision-id order from the
   * `(name_search, decision_id)` index and at most a page of them: a page reads about a page of
   * decisions per name of the best scores, not every decision of every similar name.
   */
  async searchNames(query: string, limit: number, cursor?: string): Promise<Page<NameHit>> {
    const after = decodeCursor(cursor, 2);
    const last = after === undefined ? undefined : { score: scoreOf(after[0]), decisionId: after[1] };
    const names = await this.similarNames(query, last?.score);
    const hits: (ViewRow & { score: number })[] = [];
    for (let i = 0; i < names.length && hits.length <= limit;) {
      // One score group (the names sharing a score) a statement: a name of a lower score is read
      // only when the better ones did not fill the page.
      let end = i + 1;
      while (end < names.length && names[end].score === names[i].score) end++;
      const group = names.slice(i, end);
      i = end;
      hits.push(...(await this.decisionsOfNames(group, limit + 1 - hits.length, last)));
    }
    return pageOf(
      hits.slice(0, limit + 1),
      limit,
      (r) => ({ ...decisionView(r), score: r.score }),
      (r) => [String(r.score), r.decision_id],
    );
  }

  /** The names like `query` (score ≥ the threshold, and ≤ `atMost`), best first. */
  private async similarNames(query: string, atMost?: number): Promise<{ name: string; score: number }[]> {
    const text = nameSearchText(query, '');
    const skeleton = nameSkeleton(query, '');
    const rows = await sql<{ name: string; score: number }>`
      select name, score from (
        select name_search as name, round(greatest(public.similarity(name_search, ${text}),
          case when name_skeleton = ${skeleton} then ${SKELETON_MATCH_SCORE}::float8 else 0.0 end)::numeric, 4)::float8 as score
        from decision_names
        where name_skeleton = ${skeleton} or name_search operator(public.%) ${text}) scored
      where score >= ${TRIGRAM_THRESHOLD}::float8
        ${atMost === undefined ? sql`` : sql`and score <= ${atMost}::float8`}
      order by score desc, name`.execute(this.db);
    return rows.rows;
  }

  /**
   * The current decisions of `names` (whole score groups), best score first then by decision id,
   * at most `limit`, after the cursor's row.
   */
  private async decisionsOfNames(
    names: readonly { name: string; score: number }[],
    limit: number,
    last?: { score: number; decisionId: string },
  ): Promise<(ViewRow & { score: number })[]> {
    const rows = await sql<ViewRow & { score: number }>`
      select ${sql.join(VIEW_COLUMNS.map((c) => sql.ref(`d.${c}`)))}, n.score
      from unnest(${names.map((n) => n.name)}::text[], ${names.map((n) => n.score)}::float8[]) as n(name, score)
      cross join lateral (
        select * from current_decisions c
        where c.name_search = n.name
          ${last === undefined ? sql`` : sql`and (n.score < ${last.score}::float8 or c.decision_id > ${last.decisionId})`}
        order by c.decision_id
        limit ${limit}) d
      order by n.score desc, d.decision_id
      limit ${limit}`.execute(this.db);
    return rows.rows;
  }

  /**
   * The decision events (as published) of the current decisions travelling from `from` to `to`
   * (days, inclusive), `limit` at a time after `after` (the last page's last decision id and
   * travel date): what the hot path is refilled from.
   */
  async currentDecisionEvents(
    from: string,
    to: string,
    limit: number,
    after?: { travelDate: string; decisionId: string },
  ): Promise<{ events: unknown[]; last?: { travelDate: string; decisionId: string } }> {
    const rows = await this.db
      .selectFrom('current_decisions')
      .select(['travel_date', 'decision_id', 'event'])
      .where('travel_date', '>=', from)
      .where('travel_date', '<=', to)
      .where('event', 'is not', null)
      .$if(after !== undefined, (q) =>
        q.where(pastCursor('travel_date', 'decision_id', 'asc', [after!.travelDate, after!.decisionId])),
      )
      .orderBy('travel_date')
      .orderBy('decision_id')
      .limit(limit)
      .execute();
    const tail = rows[rows.length - 1];
    return {
      events: rows.map((r) => r.event),
      ...(tail ? { last: { travelDate: tail.travel_date, decisionId: tail.decision_id } } : {}),
    };
  }

  /** Audit events (who looked at whom, when, why), newest first. */
  async audit(filter: AuditFilter, limit: number, cursor?: string): Promise<Page<AuditView>> {
    const after = decodeCursor(cursor, 2);
    const rows = await this.db
      .selectFrom('audit_events')
      .selectAll()
      .$if(filter.actor !== undefined, (q) => q.where('actor', '=', filter.actor!))
      .$if(filter.target !== undefined, (q) => q.where('target', '=', filter.target!))
      .$if(filter.action !== undefined, (q) => q.where('action', '=', filter.action!))
      .$if(filter.from !== undefined, (q) => q.where('occurred_at', '>=', new Date(filter.from!)))
      .$if(filter.to !== undefined, (q) => q.where('occurred_at', '<', new Date(filter.to!)))
      .$if(after !== undefined, (q) =>
        q.where(pastCursor('occurred_at', 'event_id', 'desc', [at(after![0]), after![1]])),
      )
      .orderBy('occurred_at', 'desc')
      .orderBy('event_id', 'desc')
      .limit(limit + 1)
      .execute();
    return pageOf(rows, limit, auditView, (r) => [r.occurred_at.toISOString(), r.event_id]);
  }
}
