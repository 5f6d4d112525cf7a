import { Inject, Injectable } from '@nestjs/common';

import { CarriersStore, type Clock, readSchedule, ScheduleError, ScheduleIssue } from '@paxscreen/carriers';
import { Audit, envelope, newEventId, Topic } from '@paxscreen/contracts';
import { ApiError } from '@paxscreen/http';
import { KafkaProducer } from '@paxscreen/kafka';
import { LOGGER, type Logger } from '@paxscreen/observability';

import { CarrierKeyRing } from '../carrier-keys/carrier-key-ring';
import type { CarriersEnv } from '../carriers.env';
import { CARRIERS_ENV, CLOCK } from '../tokens';

export interface ImportScheduleCommand {
  bytes: Buffer;
  fileName: string;
  actor: string;
  role: string;
  requestId: string;
  /** Only flights departing (local date) within [from, to] are kept (SSIM periods can be long). */
  from?: string;
  to?: string;
}

export interface ScheduleImportSummary {
  importId: string;
  format: 'SSIM' | 'CSV';
  rows: number;
  flights: number;
  skipped: number;
  unknownCarrierFlights: number;
  /** Skipped rows (errors) and flagged ones (warnings), with their lines; the first 1,000. */
  issues: ScheduleIssue[];
}

/**
 * Imports a schedule (SSIM chapter 7 or CSV) as expected flights: unreadable rows are reported with
 * their line and skipped, flights of carriers paxscreen does not know are kept and flagged. The
 * import is audited before it is answered.
 */
@Injectable()
export class ImportScheduleUseCase {
  constructor(
    @Inject(CarriersStore) private readonly store: CarriersStore,
    @Inject(CarrierKeyRing) private readonly keys: CarrierKeyRing,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(CARRIERS_ENV) private readonly env: CarriersEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(cmd: ImportScheduleCommand): Promise<ScheduleImportSummary> {
    const known = new Set([...this.keys.carriers(), ...(await this.store.knownCarriers())]);
    let read;
    try {
      read = readSchedule(cmd.bytes, {
        knownCarriers: known,
        maxFlights: this.env.CARRIERS_MAX_SCHEDULE_FLIGHTS,
        ...(cmd.from ? { from: cmd.from } : {}),
        ...(cmd.to ? { to: cmd.to } : {}),
      });
    } catch (err) {
      if (err instanceof ScheduleError) throw new ApiError(422, err.code, err.message);
      throw err;
    }
    const importId = newEventId();
    const unknown = new Set(read.flights.filter((f) => !known.has(f.carrier)).map((f) => f.carrier));
    const flights = read.flights.map(({ line: _line, ...f }) => ({
      ...f,
      source: read.format,
      unknownCarrier: unknown.has(f.carrier),
      importId,
    }));
    await this.store.upsertFlights(flights);
    // Messages that came before the schedule meet its obligations now.
    const refs = [
      ...new Map(flights.map((f) => [`${f.carrier}${f.flightNumber}:${f.departureDate}`, f])).values(),
    ];
    for (const ref of await this.store.flightsWithMessages(refs))
      await this.store.reconcile(ref, this.clock.now());
    const summary: ScheduleImportSummary = {
      importId,
      format: read.format,
      rows: read.rows,
      flights: flights.length,
      skipped: new Set(read.issues.filter((i) => i.severity === 'error').map((i) => i.line)).size,
      unknownCarrierFlights: flights.filter((f) => f.unknownCarrier).length,
      issues: read.issues.slice(0, 1000),
    };
    await this.store.recordImport({
      ...summary,
      actor: cmd.actor,
      fileName: cmd.fileName,
      importedAt: new Date(this.clock.now()).toISOString(),
    });
    const audit: Audit.Value = {
      ...envelope(cmd.requestId),
      action: 'SCHEDULE_IMPORT',
      actor: cmd.actor,
      role: cmd.role,
      target: importId,
      outcome: 'IMPORTED',
      details: {
        format: read.format,
        flights: summary.flights,
        skipped: summary.skipped,
        unknownCarrierFlights: summary.unknownCarrierFlights,
      },
    };
    await this.producer.send(Topic.Audit, [{ key: cmd.actor, value: audit }]);
    this.logger.info(
      { importId, format: read.format, flights: summary.flights, skipped: summary.skipped },
      'schedule imported',
    );
    return summary;
  }
}
