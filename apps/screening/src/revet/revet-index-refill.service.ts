import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { Topic, TravellerParsed } from '@paxscreen/contracts';
import { type ConsumedRecord, KafkaReaders } from '@paxscreen/kafka';
import { LOGGER, type Logger, PeriodicTask } from '@paxscreen/observability';
import { type TravellerSnapshot, TravellerSnapshotStore } from '@paxscreen/redis';

import { travellerSnapshot } from '../decisions/decision-event';
import { SCREENING_ENV } from '../tokens';
import { ScreeningEnv } from '../screening.env';

const HOUR_MS = 3_600_000;
/**
 * A transaction's commit marker fetched on its own is never handed over, so the replayer may not see
 * the end of a partition: no record for this long after the first is the end too.
 */
const IDLE_MS = 3000;
const REFILL_TIMEOUT_MS = 300_000;

/**
 * Redis is a cache: when it loses the re-vetting index (a flush, a restart without persistence),
 * it is rebuilt from the travellers topic, which holds every traveller event of the last
 * `REVET_WINDOW_HOURS` (the index's own lifetime), so travellers already screened are re-vetted
 * on the next list change without any carrier sending them again. A marker key says the index is
 * filled; when it is gone, the topic is read from the window's start to its end at that moment
 * and each traveller's latest snapshot is written back where none exists (SET NX: what screening
 * wrote meanwhile is newer), then the marker is set again.
 */
@Injectable()
export class RevetIndexRefill implements OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(TravellerSnapshotStore) private readonly snapshots: TravellerSnapshotStore,
    @Inject(KafkaReaders) private readonly readers: KafkaReaders,
    @Inject(SCREENING_ENV) private readonly env: ScreeningEnv,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.task = new PeriodicTask({
      name: 're-vetting index check',
      everyMs: env.REVET_INDEX_CHECK_MS,
      tick: () => this.refillIfLost(),
      logger,
    });
  }

  /**
   * Checks at once (Redis may have lost the index while screening was down), then on the timer.
   * Called once the screening index is loaded, not at bootstrap: building the index holds the event
   * loop for seconds, and a Redis command sent meanwhile timed out (ioredis' timer fires before the
   * reply is read), so the first checks failed and the refill came only after the first traffic.
   */
  start(): void {
    this.task.start();
    void this.task.tick();
  }

  /** Rebuilds the index when its marker is missing; one check at a time, failures logged. */
  check(): Promise<void> {
    return this.task.tick();
  }

  private async refillIfLost(): Promise<void> {
    if (await this.snapshots.filled()) return;
    const now = Date.now();
    const since = now - this.env.REVET_WINDOW_HOURS * HOUR_MS;
    const read: { snapshot: TravellerSnapshot; writtenAt: number }[] = [];
    let last: number | undefined;
    const replayer = this.readers.replayer(
      [Topic.Travellers],
      (records: ConsumedRecord[]) => {
        last = Date.now();
        for (const r of records) {
          try {
            for (const event of TravellerParsed.decodeChunk(r.value ?? Buffer.alloc(0)))
              read.push({
                snapshot: travellerSnapshot(event, r.partition, r.timestamp),
                writtenAt: r.timestamp,
              });
          } catch {
            // screening dead-letters it when it meets it; nothing to re-vet
          }
        }
      },
      'revet-refill',
      since,
    );
    await replayer.start();
    try {
      const began = Date.now();
      const idle = () => last !== undefined && Date.now() - last > IDLE_MS;
      while (!replayer.ready && !idle() && Date.now() - began < REFILL_TIMEOUT_MS)
        await new Promise((r) => setTimeout(r, 200));
    } finally {
      await replayer.stop();
    }
    const written = await this.snapshots.refill(read, Date.now());
    await this.snapshots.markFilled(now);
    this.logger.info(
      { read: read.length, written, caughtUp: replayer.ready },
      're-vetting index rebuilt from the travellers topic',
    );
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
