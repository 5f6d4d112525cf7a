import { Kysely, sql, Transaction } from 'kysely';

import { CarrierEvent, envelope, newEventId } from '@paxscreen/contracts';

import type { ObservedMessage, ObservedRejection } from '../observe/observed';
import type { FlightSource, ScheduledFlight, ScheduleIssue } from '../schedule/scheduled-flight';
import type { FindingCategory } from '../scorecard/finding-categories';
import { buildScorecard, Scorecard, ScorecardFigures } from '../scorecard/scorecard';
import {
  Arrival,
  MessageKind,
  ObligationStatus,
  resolveObligations,
  transitions,
} from '../timeliness/obligations';
import type { TimelinessPolicy } from '../timeliness/policy';
import type { CarriersDatabase } from './schema';

type Obligation = CarrierEvent.Obligation;
const CHUNK = 500;
const iso = (ms: number) => new Date(ms).toISOString();
const dateText = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));

export interface FlightRef {
  carrier: string;
  flightNumber: string;
  departureDate: string;
}

export interface ExpectedFlightInput extends Omit<ScheduledFlight, 'line'> {
  source: FlightSource;
  unknownCarrier: boolean;
  importId?: string;
}

export interface ImportRecord {
  importId: string;
  actor: string;
  format: string;
  fileName: string;
  rows: number;
  flights: number;
  skipped: number;
  unknownCarrierFlights: number;
  issues: ScheduleIssue[];
  importedAt: string;
}

export interface StoredEvent {
  eventId: string;
  carrier: string;
  event: CarrierEvent.Value;
  webhookAttempts: number;
}

export interface ExpectedFlightView {
  carrier: string;
  flightNumber: string;
  departureDate: string;
  origin: string;
  destination: string;
  departureAt: string;
  source: string;
  unknownCarrier: boolean;
  obligations: { obligation: string; status: string; dueAt: string; metAt: string | null }[];
}

/**
 * Expected flights, their obligations and what met them, timeliness events (an outbox), and the
 * figures of carrier scorecards, in PostgreSQL. Every write is idempotent: a replayed Kafka record
 * or a re-imported schedule changes nothing twice.
 */
export class CarriersStore {
  constructor(
    private readonly db: Kysely<CarriersDatabase>,
    private readonly policy: TimelinessPolicy,
  ) {}

  /** Adds or updates expected flights with their obligations (due times follow a changed schedule while pending). */
  async upsertFlights(flights: readonly ExpectedFlightInput[]): Promise<void> {
    for (let i = 0; i < flights.length; i += CHUNK) {
      const chunk = flights.slice(i, i + CHUNK);
      await this.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('expected_flights')
          .values(
            chunk.map((f) => ({
              carrier: f.carrier,
              flight_number: f.flightNumber,
              departure_date: f.departureDate,
              origin: f.origin,
              destination: f.destination,
              departure_at: f.departureAt,
              arrival_at: f.arrivalAt ?? null,
              source: f.source,
              unknown_carrier: f.unknownCarrier,
              import_id: f.importId ?? null,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['carrier', 'flight_number', 'departure_date', 'origin']).doUpdateSet((eb) => ({
              destination: eb.ref('excluded.destination'),
              departure_at: eb.ref('excluded.departure_at'),
              arrival_at: eb.ref('excluded.arrival_at'),
              source: eb.ref('excluded.source'),
              unknown_carrier: eb.ref('excluded.unknown_carrier'),
              import_id: eb.ref('excluded.import_id'),
              updated_at: sql<string>`now()`,
            })),
          )
          .execute();
        const obligations = chunk.flatMap((f) =>
          resolveObligations(Date.parse(f.departureAt), [], this.policy, -Infinity).map((o) => ({
            carrier: f.carrier,
            flight_number: f.flightNumber,
            departure_date: f.departureDate,
            origin: f.origin,
            obligation: o.obligation,
            due_at: iso(o.dueAt),
            status: 'PENDING',
          })),
        );
        await tx
          .insertInto('flight_obligations')
          .values(obligations)
          .onConflict((oc) =>
            oc
              .columns(['carrier', 'flight_number', 'departure_date', 'origin', 'obligation'])
              .doUpdateSet((eb) => ({ due_at: eb.ref('excluded.due_at'), updated_at: sql<string>`now()` }))
              .where('flight_obligations.status', '=', 'PENDING'),
          )
          .execute();
      });
    }
  }

  /** A flight nobody scheduled, seen in a PNR push or a manifest: expected from now on (a schedule row wins). */
  async inferFlight(m: ObservedMessage, departureAt: string): Promise<boolean> {
    const known = await this.db
      .selectFrom('expected_flights')
      .select('origin')
      .where('carrier', '=', m.carrier)
      .where('flight_number', '=', m.flightNumber)
      .where('departure_date', '=', m.departureDate)
      .executeTakeFirst();
    if (known) return false;
    await this.upsertFlights([
      {
        carrier: m.carrier,
        flightNumber: m.flightNumber,
        departureDate: m.departureDate,
        origin: m.origin ?? '',
        destination: m.destination ?? '',
        departureAt,
        source: m.kind === 'PNR' ? 'PNR' : 'API',
        unknownCarrier: false,
      },
    ]);
    return true;
  }

  async recordImport(r: ImportRecord): Promise<void> {
    await this.db
      .insertInto('schedule_imports')
      .values({
        import_id: r.importId,
        actor: r.actor,
        format: r.format,
        file_name: r.fileName,
        rows: r.rows,
        flights: r.flights,
        skipped: r.skipped,
        unknown_carrier_flights: r.unknownCarrierFlights,
        issues: JSON.stringify(r.issues.slice(0, 1000)),
        imported_at: r.importedAt,
      })
      .execute();
  }

  async recordMessages(messages: readonly ObservedMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('flight_messages')
        .values(
          messages.map((m) => ({
            manifest_id: m.manifestId,
            manifest_version: m.manifestVersion,
            event_id: m.eventId,
            receipt_id: m.receiptId,
            carrier: m.carrier,
            flight_number: m.flightNumber,
            departure_date: m.departureDate,
            kind: m.kind,
            message_type: m.messageType,
            received_at: iso(m.receivedAt),
            travellers: m.travellers,
            errors: m.errors,
            warnings: m.warnings,
            bad_document_travellers: m.badDocumentTravellers,
            content_hash: m.contentHash,
          })),
        )
        .onConflict((oc) => oc.columns(['manifest_id', 'manifest_version']).doNothing())
        .execute();
      const findings = messages.flatMap((m) =>
        m.findings.map((f) => ({
          manifest_id: m.manifestId,
          manifest_version: m.manifestVersion,
          carrier: m.carrier,
          departure_date: m.departureDate,
          code: f.code,
          category: f.category,
          field: f.field,
          count: f.count,
        })),
      );
      for (let i = 0; i < findings.length; i += CHUNK)
        await tx
          .insertInto('message_findings')
          .values(findings.slice(i, i + CHUNK))
          .onConflict((oc) => oc.columns(['manifest_id', 'manifest_version', 'code', 'field']).doNothing())
          .execute();
    });
  }

  async recordRejections(rejections: readonly ObservedRejection[]): Promise<void> {
    if (rejections.length === 0) return;
    await this.db
      .insertInto('message_rejections')
      .values(
        rejections.map((r) => ({
          event_id: r.eventId,
          carrier: r.carrier,
          code: r.code,
          stage: r.stage,
          receipt_id: r.receiptId ?? null,
          received_at: iso(r.receivedAt),
        })),
      )
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute();
  }

  /**
   * Brings one flight day's obligations up to date with what was received, at `now`, and stores
   * the events the changes raise (in the same transaction, rows locked: concurrent reconciles of
   * one flight wait for each other). Returns the new events.
   */
  async reconcile(ref: FlightRef, now: number): Promise<CarrierEvent.Value[]> {
    return this.db.transaction().execute(async (tx) => {
      const flights = await tx
        .selectFrom('expected_flights')
        .selectAll()
        .where('carrier', '=', ref.carrier)
        .where('flight_number', '=', ref.flightNumber)
        .where('departure_date', '=', ref.departureDate)
        .forUpdate()
        .execute();
      if (flights.length === 0) return [];
      const arrivals: Arrival[] = (
        await tx
          .selectFrom('flight_messages')
          .select(['kind', 'received_at', 'receipt_id'])
          .where('carrier', '=', ref.carrier)
          .where('flight_number', '=', ref.flightNumber)
          .where('departure_date', '=', ref.departureDate)
          .execute()
      ).map((r) => ({
        kind: r.kind as MessageKind,
        receivedAt: r.received_at.getTime(),
        receiptId: r.receipt_id,
      }));
      const events: CarrierEvent.Value[] = [];
      for (const flight of flights) {
        const stored = await tx
          .selectFrom('flight_obligations')
          .select(['obligation', 'status', 'incident_id'])
          .where('carrier', '=', ref.carrier)
          .where('flight_number', '=', ref.flightNumber)
          .where('departure_date', '=', ref.departureDate)
          .where('origin', '=', flight.origin)
          .execute();
        const before = new Map(stored.map((s) => [s.obligation, s]));
        const departureAt = flight.departure_at.getTime();
        for (const next of resolveObligations(departureAt, arrivals, this.policy, now)) {
          const prev = before.get(next.obligation);
          if (!prev || prev.status === next.status) continue;
          // A status never goes back: an ON_TIME or LATE obligation stays so, and a MISSING one is
          // not PENDING again for a caller whose `now` was read before another's (lock waits).
          if (prev.status === 'ON_TIME' || prev.status === 'LATE' || next.status === 'PENDING') continue;
          let incidentId = prev.incident_id;
          for (const t of transitions(prev.status as ObligationStatus, next.status, next.obligation)) {
            if (t.kind === 'MISSING' && t.state === 'OPEN') incidentId = newEventId();
            const event: CarrierEvent.Value = {
              ...envelope(next.metBy?.receiptId ?? incidentId ?? ''),
              occurredAt: iso(now),
              incidentId: t.kind === 'MISSING' ? (incidentId ?? newEventId()) : newEventId(),
              kind: t.kind,
              state: t.state,
              obligation: next.obligation,
              carrier: ref.carrier,
              flightNumber: ref.flightNumber,
              departureDate: ref.departureDate,
              ...(flight.origin ? { origin: flight.origin } : {}),
              ...(flight.destination ? { destination: flight.destination } : {}),
              departureAt: iso(departureAt),
              dueAt: iso(next.dueAt),
              ...(next.metBy
                ? {
                    receivedAt: iso(next.metBy.receivedAt),
                    receiptId: next.metBy.receiptId,
                    lateByMinutes: Math.max(0, Math.round((next.metBy.receivedAt - next.dueAt) / 60_000)),
                  }
                : {}),
            };
            if (!event.correlationId) event.correlationId = event.incidentId;
            events.push(event);
          }
          await tx
            .updateTable('flight_obligations')
            .set({
              status: next.status,
              met_at: next.metBy ? iso(next.metBy.receivedAt) : null,
              receipt_id: next.metBy?.receiptId ?? null,
              incident_id: incidentId ?? null,
              updated_at: iso(now),
            })
            .where('carrier', '=', ref.carrier)
            .where('flight_number', '=', ref.flightNumber)
            .where('departure_date', '=', ref.departureDate)
            .where('origin', '=', flight.origin)
            .where('obligation', '=', next.obligation)
            .execute();
        }
      }
      await this.storeEvents(tx, events);
      return events;
    });
  }

  private async storeEvents(tx: Transaction<CarriersDatabase>, events: CarrierEvent.Value[]): Promise<void> {
    if (events.length === 0) return;
    await tx
      .insertInto('carrier_events')
      .values(
        events.map((e) => ({
          event_id: e.eventId,
          incident_id: e.incidentId,
          carrier: e.carrier,
          flight_number: e.flightNumber,
          departure_date: e.departureDate,
          obligation: e.obligation,
          kind: e.kind,
          state: e.state,
          occurred_at: e.occurredAt,
          event: JSON.stringify(e),
        })),
      )
      .execute();
  }

  /** Flight days with an obligation past its due time and still pending. */
  async dueFlights(now: number, limit: number): Promise<FlightRef[]> {
    const rows = await this.db
      .selectFrom('flight_obligations')
      .select(['carrier', 'flight_number', 'departure_date'])
      .distinct()
      .where('status', '=', 'PENDING')
      .where('due_at', '<', new Date(now))
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      carrier: r.carrier,
      flightNumber: r.flight_number,
      departureDate: dateText(r.departure_date),
    }));
  }

  /** Flight days `refs` that already have messages (a schedule imported after they arrived). */
  async flightsWithMessages(refs: readonly FlightRef[]): Promise<FlightRef[]> {
    const found: FlightRef[] = [];
    for (let i = 0; i < refs.length; i += CHUNK) {
      const chunk = refs.slice(i, i + CHUNK);
      const rows = await this.db
        .selectFrom('flight_messages')
        .select(['carrier', 'flight_number', 'departure_date'])
        .distinct()
        .where((eb) =>
          eb.or(
            chunk.map((r) =>
              eb.and([
                eb('carrier', '=', r.carrier),
                eb('flight_number', '=', r.flightNumber),
                eb('departure_date', '=', r.departureDate),
              ]),
            ),
          ),
        )
        .execute();
      found.push(
        ...rows.map((r) => ({
          carrier: r.carrier,
          flightNumber: r.flight_number,
          departureDate: dateText(r.departure_date),
        })),
      );
    }
    return found;
  }

  async unpublishedEvents(limit: number): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('carrier_events')
      .select(['event_id', 'carrier', 'event', 'webhook_attempts'])
      .where('published_at', 'is', null)
      .orderBy('occurred_at')
      .orderBy('event_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      eventId: r.event_id,
      carrier: r.carrier,
      event: r.event as CarrierEvent.Value,
      webhookAttempts: r.webhook_attempts,
    }));
  }

  async markPublished(eventIds: readonly string[], at: number): Promise<void> {
    if (eventIds.length === 0) return;
    await this.db
      .updateTable('carrier_events')
      .set({ published_at: iso(at) })
      .where('event_id', 'in', eventIds)
      .execute();
  }

  /** Events for carriers with a webhook, not delivered yet, tried fewer than `maxAttempts` times. */
  async webhookBacklog(limit: number, maxAttempts: number) {
    return this.db
      .selectFrom('carrier_events as e')
      .innerJoin('carrier_profiles as p', 'p.carrier', 'e.carrier')
      .select(['e.event_id', 'e.event', 'e.webhook_attempts', 'p.webhook_url', 'p.webhook_secret'])
      .where('e.webhook_at', 'is', null)
      .where('e.webhook_attempts', '<', maxAttempts)
      .where('p.webhook_url', 'is not', null)
      .orderBy('e.occurred_at')
      .limit(limit)
      .execute();
  }

  async markWebhook(eventId: string, delivered: boolean, at: number): Promise<void> {
    await this.db
      .updateTable('carrier_events')
      .set((eb) => ({
        webhook_attempts: eb('webhook_attempts', '+', 1),
        ...(delivered ? { webhook_at: iso(at) } : {}),
      }))
      .where('event_id', '=', eventId)
      .execute();
  }

  async setWebhook(carrier: string, url: string | null, secret: string | null): Promise<void> {
    await this.db
      .insertInto('carrier_profiles')
      .values({ carrier, webhook_url: url, webhook_secret: secret })
      .onConflict((oc) =>
        oc
          .column('carrier')
          .doUpdateSet({ webhook_url: url, webhook_secret: secret, updated_at: sql<string>`now()` }),
      )
      .execute();
  }

  /** Carriers with a profile or with messages: a schedule's other carriers are flagged unknown. */
  async knownCarriers(): Promise<Set<string>> {
    const rows = await sql<{ carrier: string }>`
      select carrier from carrier_profiles union select distinct carrier from flight_messages`.execute(
      this.db,
    );
    return new Set(rows.rows.map((r) => r.carrier));
  }

  /** Carriers with anything to show for flight days [from, to]. */
  async carriersIn(from: string, to: string): Promise<string[]> {
    const rows = await sql<{ carrier: string }>`
      select carrier from expected_flights where departure_date between ${from} and ${to}
      union select carrier from flight_messages where departure_date between ${from} and ${to}
      union select carrier from message_rejections where (received_at at time zone 'UTC')::date between ${from} and ${to}
      order by carrier`.execute(this.db);
    return rows.rows.map((r) => r.carrier);
  }

  /**
   * One carrier's scorecard over flight days [from, to]: messages, travellers and findings by the
   * flight's departure date, rejections (which have no flight) by the day they were received,
   * obligations whose outcome is known (pending ones are not counted yet).
   */
  async scorecard(carrier: string, from: string, to: string): Promise<Scorecard> {
    const inPeriod = sql`carrier = ${carrier} and departure_date between ${from} and ${to}`;
    const [flights, byType, dupes, travellers, rejections, findings, obligations] = await Promise.all([
      sql<{ n: number }>`select count(*) as n from expected_flights where ${inPeriod}`.execute(this.db),
      sql<{ message_type: string; n: number }>`
        select message_type, count(*) as n from flight_messages where ${inPeriod} group by message_type`.execute(
        this.db,
      ),
      sql<{ n: number }>`
        select count(*) as n from flight_messages m where ${inPeriod} and exists (
          select 1 from flight_messages p where p.manifest_id = m.manifest_id
            and p.manifest_version < m.manifest_version and p.content_hash = m.content_hash)`.execute(
        this.db,
      ),
      sql<{ travellers: number; bad: number }>`
        select coalesce(sum(travellers), 0)::int as travellers, coalesce(sum(bad_document_travellers), 0)::int as bad
        from flight_messages where ${inPeriod} and kind <> 'PNR'`.execute(this.db),
      sql<{ code: string; n: number }>`
        select code, count(*) as n from message_rejections
        where carrier = ${carrier} and (received_at at time zone 'UTC')::date between ${from} and ${to} group by code`.execute(
        this.db,
      ),
      sql<{ code: string; category: FindingCategory; field: string; n: number }>`
        select code, category, field, sum(count)::int as n from message_findings where ${inPeriod}
        group by code, category, field`.execute(this.db),
      sql<{ obligation: Obligation; status: 'ON_TIME' | 'LATE' | 'MISSING'; n: number }>`
        select obligation, status, count(*) as n from flight_obligations
        where ${inPeriod} and status in ('ON_TIME', 'LATE', 'MISSING') group by obligation, status`.execute(
        this.db,
      ),
    ]);
    const figures: ScorecardFigures = {
      flights: flights.rows[0]?.n ?? 0,
      messagesByType: Object.fromEntries(byType.rows.map((r) => [r.message_type, r.n])),
      duplicates: dupes.rows[0]?.n ?? 0,
      travellers: travellers.rows[0]?.travellers ?? 0,
      badDocumentTravellers: travellers.rows[0]?.bad ?? 0,
      rejectionsByCode: Object.fromEntries(rejections.rows.map((r) => [r.code, r.n])),
      findings: findings.rows.map((r) => ({
        code: r.code,
        category: r.category,
        field: r.field,
        count: r.n,
      })),
      obligations: obligations.rows.map((r) => ({ obligation: r.obligation, status: r.status, count: r.n })),
    };
    return buildScorecard(carrier, from, to, figures);
  }

  /** Timeliness incidents of flight days [from, to], newest first, each in its latest state. */
  async incidents(from: string, to: string, carrier?: string, limit = 500): Promise<CarrierEvent.Value[]> {
    const rows = await sql<{ event: CarrierEvent.Value }>`
      select distinct on (incident_id) event from carrier_events
      where departure_date between ${from} and ${to} ${carrier ? sql`and carrier = ${carrier}` : sql``}
      order by incident_id, occurred_at desc, (state = 'CLOSED') desc`.execute(this.db);
    return rows.rows
      .map((r) => r.event)
      .sort(
        (a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.flightNumber.localeCompare(b.flightNumber),
      )
      .slice(0, limit);
  }

  /** Expected flights of one day, with where each obligation stands. */
  async expectedFlights(date: string, carrier?: string): Promise<ExpectedFlightView[]> {
    let q = this.db.selectFrom('expected_flights').selectAll().where('departure_date', '=', date);
    if (carrier) q = q.where('carrier', '=', carrier);
    const flights = await q
      .orderBy('departure_at')
      .orderBy('carrier')
      .orderBy('flight_number')
      .limit(5000)
      .execute();
    let o = this.db.selectFrom('flight_obligations').selectAll().where('departure_date', '=', date);
    if (carrier) o = o.where('carrier', '=', carrier);
    const obligations = await o.execute();
    const key = (c: string, n: string, origin: string) => `${c}|${n}|${origin}`;
    const byFlight = new Map<string, ExpectedFlightView['obligations']>();
    for (const r of obligations) {
      const k = key(r.carrier, r.flight_number, r.origin);
      const list = byFlight.get(k) ?? [];
      list.push({
        obligation: r.obligation,
        status: r.status,
        dueAt: r.due_at.toISOString(),
        metAt: r.met_at?.toISOString() ?? null,
      });
      byFlight.set(k, list);
    }
    return flights.map((f) => ({
      carrier: f.carrier,
      flightNumber: f.flight_number,
      departureDate: dateText(f.departure_date),
      origin: f.origin,
      destination: f.destination,
      departureAt: f.departure_at.toISOString(),
      source: f.source,
      unknownCarrier: f.unknown_carrier,
      obligations: (byFlight.get(key(f.carrier, f.flight_number, f.origin)) ?? []).sort((a, b) =>
        a.dueAt.localeCompare(b.dueAt),
      ),
    }));
  }
}
