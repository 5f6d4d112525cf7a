import { Kysely, Selectable, sql, Transaction } from 'kysely';

import {
  Alert,
  Audit,
  type DecisionMade,
  type DispositionOutcome,
  type EncounterResult,
  envelope,
  type HitDecision,
  type HitDetail,
  type HitDisposition,
  type HitNote,
  type HitPage,
  type HitReasonField,
  type HitStatus,
  identityKey,
  type Lookout,
  newEventId,
  Topic,
} from '@paxscreen/contracts';
import { decodeCursor, encodeCursor } from '@paxscreen/records';

import { alertOf, dispositionEventOf, lookoutOf } from '../model/alerts';
import { type PnrLink, relationOf } from '../model/co-travellers';
import { CaseworkError } from '../model/errors';
import {
  applyDecision,
  CaseworkPolicy,
  hitFlightOf,
  hitIdOf,
  HitRecord,
  refers,
  summaryOf,
  withinAlertWindow,
} from '../model/hit';
import { latestDecision } from '../model/later';
import { priorityOf, arrivalInstant } from '../model/priority';
import {
  Actor,
  claim,
  decide,
  DispositionInput,
  encounter,
  NOTE_MAX_LENGTH,
  release,
} from '../model/transitions';
import type { CaseworkDatabase, PnrLinksTable } from '../schema';
import { hitFromRow, hitToRow, lookoutFromRow } from './rows';

type Tx = Transaction<CaseworkDatabase>;

/** The actor of changes casework makes itself (decisions consumed, alerts on a timer). */
export const SYSTEM_ACTOR: Actor = { subject: 'casework', roles: ['system'] };

export interface HitFilter {
  status?: HitStatus[];
  port?: string;
  /** `QF1` or `QF0001`: carrier and number (leading zeros ignored). */
  flight?: string;
  list?: string;
  rule?: string;
  cursor?: string;
  limit: number;
}

export interface OutboxRecord {
  id: string;
  topic: Topic;
  key: string;
  value: unknown;
}

export interface IngestReport {
  applied: number;
  duplicates: number;
  opened: number;
}

/** Tries of a batch whose hit another transaction opened meanwhile (each try after the first finds it). */
const HIT_OPEN_ATTEMPTS = 3;

/** The insert of a hit another transaction committed after this one looked (unique violation on its key). */
function isHitOpenedMeanwhile(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown };
  return e?.code === '23505' && e.constraint === 'hits_pkey';
}

/** Identity of a decision event: which hit id it would land on (for the row lock). */
function hitIdFor(event: DecisionMade.Value, identity: string): string {
  return hitIdOf(identity, hitFlightOf(event.flight));
}

/**
 * Casework's tables, one transaction per action: the change, its history line (`hit_actions`,
 * who / when / what / why) and what it announces (outbox: alerts, dispositions, audit records)
 * commit together. Hits are locked (`for update`) while a transition is decided, and the
 * transition itself checks the optimistic `version` the client sent.
 */
export class CaseworkStore {
  constructor(
    private readonly db: Kysely<CaseworkDatabase>,
    private readonly policy: CaseworkPolicy,
  ) {}

  // ── decisions in ─────────────────────────────────────────────────────────────────────────────

  /**
   * Applies decisions once each (at-least-once delivery, exactly-once effect): a decision id
   * already in `hit_decisions` is skipped. One transaction for the batch.
   */
  async ingest(events: DecisionMade.Value[], now = new Date()): Promise<IngestReport> {
    if (events.length === 0) return { applied: 0, duplicates: 0, opened: 0 };
    // One row per decision id, in arrival order (a batch may hold a redelivery of its own records).
    const unique = [...new Map(events.map((e) => [e.decision.decisionId, e])).values()];
    // `for update` locks only the hits that exist: a transaction that found no hit (another batch
    // opening it at the same time, from another partition or instance) fails to insert it, and is
    // run again from the start, when it finds the hit the other one committed.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ingestOnce(events.length, unique, now);
      } catch (err) {
        if (attempt >= HIT_OPEN_ATTEMPTS || !isHitOpenedMeanwhile(err)) throw err;
      }
    }
  }

  private async ingestOnce(received: number, unique: DecisionMade.Value[], now: Date): Promise<IngestReport> {
    const report: IngestReport = { applied: 0, duplicates: 0, opened: 0 };
    await this.db.transaction().execute(async (tx) => {
      const seen = new Set(
        (
          await tx
            .selectFrom('hit_decisions')
            .select('decision_id')
            .where(
              'decision_id',
              'in',
              unique.map((e) => e.decision.decisionId),
            )
            .execute()
        ).map((r) => r.decision_id),
      );
      const todo = unique
        .filter((e) => !seen.has(e.decision.decisionId))
        .map((event) => ({ event, hitId: hitIdFor(event, identityKey(event.subject)) }));
      report.duplicates = received - todo.length;
      report.applied = todo.length;
      if (todo.length === 0) return;
      // The batch's hits, locked; decisions apply to them in memory, in order, then all is written.
      const before = new Map(
        (
          await tx
            .selectFrom('hits')
            .selectAll()
            .where('hit_id', 'in', [...new Set(todo.map((t) => t.hitId))])
            .forUpdate()
            .execute()
        ).map((r) => [r.hit_id, hitFromRow(r)]),
      );
      const current = new Map(before);
      const history: { hitId: string; action: string; details: Record<string, unknown> }[] = [];
      const alerts: Alert.Value[] = [];
      const hitOfDecision = new Map<string, string>();
      // Decisions a decision already applied names in `supersedes` (from another partition, or
      // redelivered late): they are recorded, and change nothing (the chain, not the clock, says
      // which is later).
      const superseded = await this.supersededOf(
        tx,
        todo.map((t) => t.event.decision.decisionId),
      );
      for (const { event, hitId } of todo) {
        const d = event.decision;
        if (superseded.has(d.decisionId)) {
          if (current.has(hitId)) hitOfDecision.set(d.decisionId, hitId);
          continue;
        }
        if (d.supersedes) superseded.add(d.supersedes);
        // Most decisions are CLEAR on travellers with no hit: they only need their id recorded.
        if (!current.has(hitId) && !refers(d.outcome)) continue;
        const effect = applyDecision(current.get(hitId), event, now, this.policy);
        if (!effect.hit) continue;
        current.set(hitId, effect.hit);
        hitOfDecision.set(d.decisionId, hitId);
        if (effect.transition !== 'UPDATED')
          history.push({
            hitId,
            action: effect.transition!,
            details: { decisionId: d.decisionId, outcome: d.outcome },
          });
        if (effect.transition === 'OPENED') report.opened++;
        for (const kind of effect.alerts) alerts.push(alertOf(kind, effect.hit, now));
      }
      await tx
        .insertInto('hit_decisions')
        .values(
          todo.map(({ event: { decision: d } }) => ({
            decision_id: d.decisionId,
            hit_id: hitOfDecision.get(d.decisionId) ?? null,
            outcome: d.outcome,
            supersedes: d.supersedes ?? null,
            decided_at: new Date(d.timings.decidedAt).toISOString(),
            applied_at: now.toISOString(),
          })),
        )
        .onConflict((oc) => oc.column('decision_id').doNothing())
        .execute();
      const changed = [...current.values()].filter((h) => before.get(h.hitId) !== h);
      const opened = changed.filter((h) => !before.has(h.hitId));
      if (opened.length > 0) await tx.insertInto('hits').values(opened.map(hitToRow)).execute();
      for (const hit of changed.filter((h) => before.has(h.hitId))) await this.saveHit(tx, hit, false);
      if (history.length > 0)
        await tx
          .insertInto('hit_actions')
          .values(
            history.map((h) => ({
              action_id: newEventId(),
              hit_id: h.hitId,
              action: h.action,
              actor: SYSTEM_ACTOR.subject,
              role: SYSTEM_ACTOR.roles.join(','),
              reason: null,
              details: JSON.stringify(h.details),
              at: now.toISOString(),
            })),
          )
          .execute();
      await this.enqueueMany(
        tx,
        alerts.map((a) => ({ topic: Topic.Alerts, key: Alert.key(a), value: a })),
      );
      await this.recordOutcomes(
        tx,
        todo.map((t) => t.event),
      );
    });
    return report;
  }

  /** Which of `decisionIds` a recorded decision names in `supersedes`. */
  private async supersededOf(tx: Tx, decisionIds: string[]): Promise<Set<string>> {
    const rows = await tx
      .selectFrom('hit_decisions')
      .select('supersedes')
      .where('supersedes', 'in', decisionIds)
      .execute();
    return new Set(rows.map((r) => r.supersedes!));
  }

  /**
   * Every traveller's latest outcome (shown beside co-travellers); an older decision never wins.
   * Later is judged by the `supersedes` chain (`latestDecision`): a decision that a recorded one
   * names never replaces the outcome, one that replaces the decision kept (or a decision itself
   * superseded) always does; the time decided only between decisions the chain does not order.
   * Runs after the batch's decisions are in `hit_decisions`.
   */
  private async recordOutcomes(tx: Tx, events: DecisionMade.Value[]): Promise<void> {
    const byTraveller = new Map<string, DecisionMade.Value['decision'][]>();
    for (const { decision } of events) {
      const list = byTraveller.get(decision.travellerId) ?? [];
      list.push(decision);
      byTraveller.set(decision.travellerId, list);
    }
    const latest = [...byTraveller.values()].flatMap((decisions) => {
      const d = latestDecision(decisions.map((x) => ({ ...x, decidedAt: x.timings.decidedAt })));
      return d ? [d] : [];
    });
    if (latest.length === 0) return;
    const namedBy = (id: ReturnType<typeof sql.ref>) =>
      sql<boolean>`exists (select 1 from hit_decisions n where n.supersedes = ${id})`;
    await tx
      .insertInto('traveller_outcomes')
      .values(
        latest.map((d) => ({
          traveller_id: d.travellerId,
          outcome: d.outcome,
          decided_at: new Date(d.decidedAt).toISOString(),
          decision_id: d.decisionId,
          supersedes: d.supersedes ?? null,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('traveller_id')
          .doUpdateSet((eb) => ({
            outcome: eb.ref('excluded.outcome'),
            decided_at: eb.ref('excluded.decided_at'),
            decision_id: eb.ref('excluded.decision_id'),
            supersedes: eb.ref('excluded.supersedes'),
          }))
          .where(
            sql<boolean>`not ${namedBy(sql.ref('excluded.decision_id'))} and (${namedBy(
              sql.ref('traveller_outcomes.decision_id'),
            )} or traveller_outcomes.decided_at <= excluded.decided_at)`,
          ),
      )
      .execute();
  }

  /** The PNR links of a batch of traveller events (a later manifest version replaces the earlier). */
  async ingestPnrLinks(links: PnrLink[], now = new Date()): Promise<void> {
    const unique = new Map(links.map((l) => [l.travellerId, l]));
    if (unique.size === 0) return;
    await this.db
      .insertInto('pnr_links')
      .values(
        [...unique.values()].map((l) => ({
          traveller_id: l.travellerId,
          carrier: l.carrier,
          flight_number: l.flightNumber,
          departure_date: l.departureDate,
          locator: l.locator,
          contacts: l.contacts,
          payments: l.payments,
          masked_name: l.maskedName,
          updated_at: now.toISOString(),
        })),
      )
      .onConflict((oc) =>
        oc.column('traveller_id').doUpdateSet((eb) => ({
          carrier: eb.ref('excluded.carrier'),
          flight_number: eb.ref('excluded.flight_number'),
          departure_date: eb.ref('excluded.departure_date'),
          locator: eb.ref('excluded.locator'),
          contacts: eb.ref('excluded.contacts'),
          payments: eb.ref('excluded.payments'),
          masked_name: eb.ref('excluded.masked_name'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  /** Who shares the hit traveller's booking, a contact or a payment on the same flight, with their outcomes. */
  private async coTravellers(hit: HitRecord): Promise<HitDetail['coTravellers']> {
    const toLink = (r: Selectable<PnrLinksTable>): PnrLink => ({
      travellerId: r.traveller_id,
      carrier: r.carrier,
      flightNumber: r.flight_number,
      departureDate: r.departure_date,
      locator: r.locator,
      contacts: r.contacts,
      payments: r.payments,
      maskedName: r.masked_name,
    });
    const own = await this.db
      .selectFrom('pnr_links')
      .selectAll()
      .where('traveller_id', '=', hit.travellerId)
      .executeTakeFirst();
    if (!own) return [];
    const mine = toLink(own);
    const others = await this.db
      .selectFrom('pnr_links')
      .leftJoin('traveller_outcomes', 'traveller_outcomes.traveller_id', 'pnr_links.traveller_id')
      .selectAll('pnr_links')
      .select('traveller_outcomes.outcome')
      .where('carrier', '=', own.carrier)
      .where('flight_number', '=', own.flight_number)
      .where('departure_date', '=', own.departure_date)
      .where('pnr_links.traveller_id', '!=', own.traveller_id)
      .where((eb) =>
        eb.or([
          eb('locator', '=', own.locator),
          eb(sql<string[]>`contacts`, '&&', sql<string[]>`${own.contacts}::text[]`),
          eb(sql<string[]>`payments`, '&&', sql<string[]>`${own.payments}::text[]`),
        ]),
      )
      .limit(200)
      .execute();
    return others.flatMap((r) => {
      const relation = relationOf(mine, toLink(r));
      return relation
        ? [{ maskedName: r.masked_name, relation, outcome: (r.outcome ?? 'CLEAR') as HitDecision['outcome'] }]
        : [];
    });
  }

  /** Hits entering the alert window since they were opened: HIT_NEAR_ARRIVAL once each. */
  async raiseNearArrival(now = new Date()): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('hits')
        .selectAll()
        .where('status', 'in', ['NEW', 'IN_REVIEW'])
        .where('near_arrival_alerted', '=', false)
        .where('arrival_at', 'is not', null)
        .forUpdate()
        .skipLocked()
        .execute();
      let raised = 0;
      for (const row of rows) {
        const hit = hitFromRow(row);
        if (!withinAlertWindow(hit, now, this.policy)) continue;
        const priority = priorityOf(hit.outcome, hit.score, arrivalInstant(hit.flight.arrivalAt), now);
        await tx
          .updateTable('hits')
          .set({ near_arrival_alerted: true, priority })
          .where('hit_id', '=', hit.hitId)
          .execute();
        await this.enqueueAlert(tx, alertOf('HIT_NEAR_ARRIVAL', { ...hit, priority }, now));
        raised++;
      }
      return raised;
    });
  }

  // ── reads ───────────────────────────────────────────────────────────────────────────────────

  async list(filter: HitFilter): Promise<HitPage> {
    let q = this.db.selectFrom('hits').selectAll();
    if (filter.status?.length) q = q.where('status', 'in', filter.status);
    if (filter.port) q = q.where('port', '=', filter.port.toUpperCase());
    if (filter.flight) {
      const m = /^([A-Z0-9]{2,3}?)(\d{1,5}[A-Z]?)$/i.exec(filter.flight.trim());
      if (!m) throw new CaseworkError(400, 'INVALID_FILTER', 'flight must be carrier and number, e.g. QF1');
      q = q
        .where('carrier', '=', m[1].toUpperCase())
        .where(sql<string>`ltrim(flight_number, '0')`, '=', m[2].toUpperCase().replace(/^0+(?=.)/, ''));
    }
    if (filter.list) q = q.where(sql<boolean>`${filter.list} = any(list_ids)`);
    if (filter.rule) q = q.where(sql<boolean>`${filter.rule} = any(rule_ids)`);
    const after = decodeCursor(filter.cursor, 3);
    if (after) {
      const [p, o, h] = after;
      q = q.where(
        sql<boolean>`(priority < ${Number(p)} or (priority = ${Number(p)} and (opened_at, hit_id) > (${o}::timestamptz, ${h})))`,
      );
    }
    const rows = await q
      .orderBy('priority', 'desc')
      .orderBy('opened_at', 'asc')
      .orderBy('hit_id', 'asc')
      .limit(filter.limit + 1)
      .execute();
    const more = rows.length > filter.limit;
    const kept = (more ? rows.slice(0, filter.limit) : rows).map(hitFromRow);
    const last = kept[kept.length - 1];
    return {
      items: kept.map(summaryOf),
      ...(more ? { nextCursor: encodeCursor([String(last.priority), last.openedAt, last.hitId]) } : {}),
    };
  }

  async hit(hitId: string): Promise<HitRecord | undefined> {
    const row = await this.db.selectFrom('hits').selectAll().where('hit_id', '=', hitId).executeTakeFirst();
    return row ? hitFromRow(row) : undefined;
  }

  /** The hit's full view; personal data only when `open` (the caller audits the opening first). */
  async detail(hitId: string, open: boolean): Promise<HitDetail> {
    const hit = await this.hit(hitId);
    if (!hit) throw notFound();
    const [decisions, notes, lookout, disposition, coTravellers] = await Promise.all([
      this.db
        .selectFrom('hit_decisions')
        .selectAll()
        .where('hit_id', '=', hitId)
        .orderBy('decided_at')
        .execute(),
      this.db.selectFrom('hit_notes').selectAll().where('hit_id', '=', hitId).orderBy('at').execute(),
      this.db
        .selectFrom('lookouts')
        .select('lookout')
        .where('hit_id', '=', hitId)
        .orderBy('created_at', 'desc')
        .executeTakeFirst(),
      this.db
        .selectFrom('dispositions')
        .selectAll()
        .where('hit_id', '=', hitId)
        .orderBy('decided_at', 'desc')
        .executeTakeFirst(),
      this.coTravellers(hit),
    ]);
    const reasons = hit.reasons.map((r) => ({
      ...r,
      fields: r.fields.map((f) =>
        open ? { ...f, traveller: travellerValue(hit, f.field) } : maskedField(f),
      ),
    }));
    return {
      ...summaryOf(hit),
      reasons,
      decisions: decisions.map((d): HitDecision => ({
        decisionId: d.decision_id,
        outcome: d.outcome as HitDecision['outcome'],
        decidedAt: new Date(d.decided_at).toISOString(),
        ...(d.supersedes ? { supersedes: d.supersedes } : {}),
      })),
      notes: notes.map((n): HitNote => ({
        noteId: n.note_id,
        author: n.author,
        text: n.text,
        at: new Date(n.at).toISOString(),
      })),
      coTravellers,
      ...(lookout ? { lookout: lookoutFromRow(lookout) } : {}),
      ...(disposition
        ? {
            disposition: {
              dispositionId: disposition.disposition_id,
              outcome: disposition.outcome as DispositionOutcome,
              analyst: disposition.analyst,
              note: disposition.note,
              ...(disposition.legal_basis ? { legalBasis: disposition.legal_basis } : {}),
              decidedAt: new Date(disposition.decided_at).toISOString(),
            } satisfies HitDisposition,
          }
        : {}),
      ...(open
        ? {
            opened: {
              surname: hit.subject.surname,
              givenNames: hit.subject.givenNames,
              ...(hit.subject.dateOfBirth ? { dateOfBirth: hit.subject.dateOfBirth } : {}),
              documents: hit.subject.documents.map((d) => ({
                type: d.type,
                number: d.number,
                ...(d.issuer ? { issuer: d.issuer } : {}),
              })),
            },
          }
        : {}),
    };
  }

  async lookouts(
    port: string | undefined,
    status: 'OPEN' | 'CLOSED' | undefined,
    limit: number,
  ): Promise<Lookout[]> {
    let q = this.db.selectFrom('lookouts').select('lookout');
    if (port) q = q.where('port', '=', port.toUpperCase());
    if (status) q = q.where('status', '=', status);
    return (await q.orderBy('created_at', 'desc').limit(limit).execute()).map(lookoutFromRow);
  }

  // ── staff actions ───────────────────────────────────────────────────────────────────────────

  claim(hitId: string, actor: Actor, version: number, now = new Date()): Promise<HitRecord> {
    return this.transition(hitId, actor, 'HIT_CLAIM', now, async (_tx, hit) => ({
      hit: claim(hit, actor, version, now),
    }));
  }

  release(hitId: string, actor: Actor, version: number, now = new Date()): Promise<HitRecord> {
    return this.transition(hitId, actor, 'HIT_RELEASE', now, async (_tx, hit) => ({
      hit: release(hit, actor, version, now),
    }));
  }

  /** A note on any hit (it does not change the hit's version: notes never conflict). */
  async note(hitId: string, actor: Actor, text: string, now = new Date()): Promise<HitNote> {
    const trimmed = text.trim();
    if (!trimmed) throw new CaseworkError(400, 'NOTE_REQUIRED', 'the note is empty');
    if (trimmed.length > NOTE_MAX_LENGTH)
      throw new CaseworkError(400, 'NOTE_REQUIRED', `a note is at most ${NOTE_MAX_LENGTH} characters`);
    const note: HitNote = {
      noteId: newEventId(),
      author: actor.subject,
      text: trimmed,
      at: now.toISOString(),
    };
    await this.db.transaction().execute(async (tx) => {
      const hit = await this.lockHit(tx, hitId);
      if (!hit) throw notFound();
      await tx
        .insertInto('hit_notes')
        .values({ note_id: note.noteId, hit_id: hitId, author: note.author, text: note.text, at: note.at })
        .execute();
      await this.history(tx, hitId, actor, 'HIT_NOTE', undefined, now, { noteId: note.noteId });
    });
    return note;
  }

  /**
   * Decides a hit: verdicts per reason, the outcome, the note (and legal basis). FALSE_POSITIVE
   * verdicts go to the dispositions topic (screening remembers them); LOOKOUT opens a lookout for
   * the arrival port.
   */
  async dispose(
    hitId: string,
    actor: Actor,
    input: DispositionInput,
    now = new Date(),
  ): Promise<{ hit: HitRecord; disposition: HitDisposition; lookout?: Lookout }> {
    let result: { hit: HitRecord; disposition: HitDisposition; lookout?: Lookout } | undefined;
    await this.transition(hitId, actor, 'HIT_DISPOSITION', now, async (tx, hit) => {
      const dispositionId = newEventId();
      const effect = decide(hit, input, actor, now, dispositionId);
      const d = effect.disposition;
      await tx
        .insertInto('dispositions')
        .values({
          disposition_id: d.dispositionId,
          hit_id: hitId,
          outcome: d.outcome,
          analyst: d.analyst,
          note: d.note,
          legal_basis: d.legalBasis ?? null,
          verdicts: JSON.stringify(input.reasons),
          decided_at: d.decidedAt,
        })
        .execute();
      for (const reason of effect.falsePositives) {
        const { key, value } = dispositionEventOf(effect.hit, reason, d.dispositionId, actor.subject, now);
        await this.enqueue(tx, Topic.Dispositions, key, value);
      }
      let lookout: Lookout | undefined;
      if (d.outcome === 'LOOKOUT') {
        lookout = lookoutOf(effect.hit, newEventId(), d.note, actor.subject, now);
        await tx
          .insertInto('lookouts')
          .values({
            lookout_id: lookout.lookoutId,
            hit_id: hitId,
            port: lookout.port,
            status: lookout.status,
            document_keys: lookout.documentKeys,
            lookout: JSON.stringify(lookout),
            created_at: lookout.createdAt,
            closed_at: null,
          })
          .execute();
        await this.history(tx, hitId, actor, 'LOOKOUT_CREATED', undefined, now, {
          lookoutId: lookout.lookoutId,
          port: lookout.port,
        });
        await this.audit(tx, actor, 'LOOKOUT_CREATED', hitId, lookout.port, now);
      }
      result = { hit: effect.hit, disposition: d, ...(lookout ? { lookout } : {}) };
      return {
        hit: effect.hit,
        reason: d.note,
        details: {
          dispositionId: d.dispositionId,
          outcome: d.outcome,
          falsePositives: effect.falsePositives.length,
          ...(d.legalBasis ? { legalBasis: d.legalBasis } : {}),
        },
      };
    });
    return result!;
  }

  /** The officer's encounter: closes the lookout and the hit, and alerts (LOOKOUT_ENCOUNTER). */
  async encounter(
    lookoutId: string,
    actor: Actor,
    result: EncounterResult,
    note: string | undefined,
    now = new Date(),
  ): Promise<{ lookout: Lookout; hit: HitRecord }> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('lookouts')
        .select(['lookout', 'hit_id'])
        .where('lookout_id', '=', lookoutId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw new CaseworkError(404, 'LOOKOUT_NOT_FOUND', 'no such lookout');
      const hit = await this.lockHit(tx, row.hit_id);
      if (!hit) throw notFound();
      const next = encounter(lookoutFromRow(row), hit, result, actor, now);
      await tx
        .updateTable('lookouts')
        .set({ status: 'CLOSED', lookout: JSON.stringify(next.lookout), closed_at: now.toISOString() })
        .where('lookout_id', '=', lookoutId)
        .execute();
      await this.saveHit(tx, next.hit, false);
      await this.history(tx, hit.hitId, actor, 'LOOKOUT_ENCOUNTER', note, now, { lookoutId, result });
      await this.audit(tx, actor, 'LOOKOUT_ENCOUNTER', hit.hitId, result, now, note);
      await this.enqueueAlert(tx, alertOf('LOOKOUT_ENCOUNTER', next.hit, now, result));
      return next;
    });
  }

  /**
   * A read worth auditing (queue, hit view, record opened, lookouts): the history line in
   * PostgreSQL is written before the answer leaves, and the audit record follows via the outbox.
   */
  async auditRead(
    actor: Actor,
    action: Audit.AuditAction,
    target: string,
    outcome: string,
    reason?: string,
    now = new Date(),
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      if (action === 'RECORD_OPENED' || action === 'CASEWORK_HIT_VIEW')
        await this.history(tx, target, actor, action, reason, now, {});
      await this.audit(tx, actor, action, target, outcome, now, reason);
    });
  }

  /** Every open lookout (the Redis hot path is refilled from these). */
  async openLookouts(): Promise<Lookout[]> {
    return (
      await this.db.selectFrom('lookouts').select('lookout').where('status', '=', 'OPEN').execute()
    ).map(lookoutFromRow);
  }

  // ── outbox ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Sends what is waiting, oldest first, through `send` (resolves when Kafka acknowledged), then
   * marks it sent; rows stay locked meanwhile so two relays never send the same rows at once.
   */
  async relay(send: (records: OutboxRecord[]) => Promise<void>, limit = 500): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('outbox')
        .select(['id', 'topic', 'key', 'value'])
        .where('sent_at', 'is', null)
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      await send(
        rows.map((r) => ({ id: String(r.id), topic: r.topic as Topic, key: r.key, value: r.value })),
      );
      await tx
        .updateTable('outbox')
        .set({ sent_at: new Date().toISOString() })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.length;
    });
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────

  private async lockHit(tx: Tx, hitId: string): Promise<HitRecord | undefined> {
    const row = await tx
      .selectFrom('hits')
      .selectAll()
      .where('hit_id', '=', hitId)
      .forUpdate()
      .executeTakeFirst();
    return row ? hitFromRow(row) : undefined;
  }

  private async saveHit(tx: Tx, hit: HitRecord, isNew: boolean): Promise<void> {
    const row = hitToRow(hit);
    if (isNew) await tx.insertInto('hits').values(row).execute();
    else {
      const { hit_id: _key, ...rest } = row;
      await tx.updateTable('hits').set(rest).where('hit_id', '=', hit.hitId).execute();
    }
  }

  /** Locks the hit, runs a transition, saves it with its history line and audit record. */
  private async transition(
    hitId: string,
    actor: Actor,
    action: Audit.AuditAction,
    now: Date,
    change: (
      tx: Tx,
      hit: HitRecord,
    ) => Promise<{ hit: HitRecord; reason?: string; details?: Record<string, string | number | boolean> }>,
  ): Promise<HitRecord> {
    return this.db.transaction().execute(async (tx) => {
      const hit = await this.lockHit(tx, hitId);
      if (!hit) throw notFound();
      const done = await change(tx, hit);
      await this.saveHit(tx, done.hit, false);
      await this.history(tx, hitId, actor, action, done.reason, now, {
        version: done.hit.version,
        status: done.hit.status,
        ...done.details,
      });
      await this.audit(tx, actor, action, hitId, done.hit.status, now, done.reason, done.details);
      return done.hit;
    });
  }

  private async history(
    tx: Tx,
    hitId: string,
    actor: Actor,
    action: string,
    reason: string | undefined,
    now: Date,
    details: Record<string, unknown>,
  ): Promise<void> {
    await tx
      .insertInto('hit_actions')
      .values({
        action_id: newEventId(),
        hit_id: hitId,
        action,
        actor: actor.subject,
        role: actor.roles.join(','),
        reason: reason ?? null,
        details: JSON.stringify(details),
        at: now.toISOString(),
      })
      .execute();
  }

  /** The audit record (Topic.Audit, filed by records in `audit_events`); no personal data in it. */
  private async audit(
    tx: Tx,
    actor: Actor,
    action: Audit.AuditAction,
    target: string,
    outcome: string,
    now: Date,
    reason?: string,
    details?: Record<string, string | number | boolean>,
  ): Promise<void> {
    const value: Audit.Value = {
      ...envelope(target, undefined, now),
      action,
      actor: actor.subject,
      role: actor.roles.join(','),
      target,
      outcome,
      details: { ...details, ...(reason ? { reason } : {}) },
    };
    await this.enqueue(tx, Topic.Audit, actor.subject, value);
  }

  private async enqueueAlert(tx: Tx, alert: Alert.Value): Promise<void> {
    await this.enqueue(tx, Topic.Alerts, Alert.key(alert), alert);
  }

  private async enqueueMany(tx: Tx, records: { topic: Topic; key: string; value: unknown }[]): Promise<void> {
    if (records.length === 0) return;
    const at = new Date().toISOString();
    await tx
      .insertInto('outbox')
      .values(
        records.map((r) => ({
          topic: r.topic,
          key: r.key,
          value: r.value === null ? null : JSON.stringify(r.value),
          created_at: at,
          sent_at: null,
        })),
      )
      .execute();
  }

  private async enqueue(tx: Tx, topic: Topic, key: string, value: unknown): Promise<void> {
    await tx
      .insertInto('outbox')
      .values({
        topic,
        key,
        value: value === null ? null : JSON.stringify(value),
        created_at: new Date().toISOString(),
        sent_at: null,
      })
      .execute();
  }
}

function notFound(): CaseworkError {
  return new CaseworkError(404, 'HIT_NOT_FOUND', 'no such hit');
}

/** The traveller's value of a compared field, for an opened record. */
/**
 * A field as an unopened record shows it: a listed birth date or document that agrees would give
 * the traveller's away, so both wait for the opening (the listed name and nationality stay, like the
 * masked summary's nationality).
 */
function maskedField(f: HitReasonField): HitReasonField {
  if (f.field !== 'dateOfBirth' && f.field !== 'document') return f;
  const { entry: _listed, ...rest } = f;
  return rest;
}

function travellerValue(hit: HitRecord, field: string): string | undefined {
  const s = hit.subject;
  switch (field) {
    case 'name':
      return `${s.surname} ${s.givenNames}`.trim();
    case 'dateOfBirth':
      return s.dateOfBirth;
    case 'nationality':
      return s.nationality;
    case 'document':
      return s.documents.map((d) => `${d.issuer ?? ''}:${d.number}`).join(', ') || undefined;
    default:
      return undefined;
  }
}
