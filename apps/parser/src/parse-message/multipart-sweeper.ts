import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { mergeParts, ParsedMessage } from '@paxscreen/edifact';
import { KafkaProducer } from '@paxscreen/kafka';
import { LOGGER, type Logger, PeriodicTask } from '@paxscreen/observability';
import { ManifestStore, ReceiptStore } from '@paxscreen/records';

import { PARSER_ENV } from '../tokens';
import { ParserEnv } from '../parser.env';
import { ParseMessageUseCase } from './parse-message.usecase';

/**
 * A multi-part set whose missing parts never came is not left unscreened: after the timeout its
 * travellers are published with an INCOMPLETE_MULTIPART finding, and the receipts say so.
 */
@Injectable()
export class MultipartSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(ManifestStore) private readonly manifests: ManifestStore,
    @Inject(ReceiptStore) private readonly receipts: ReceiptStore,
    @Inject(ParseMessageUseCase) private readonly parse: ParseMessageUseCase,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PARSER_ENV) private readonly env: ParserEnv,
  ) {
    this.task = new PeriodicTask({
      name: 'multipart sweep',
      everyMs: env.MULTIPART_SWEEP_SECONDS * 1000,
      tick: () => this.sweepOnce(Date.now()),
      logger,
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One sweep at `now` (after the sweep in progress, if any); resolves with the sets swept. */
  sweep(now = Date.now()): Promise<number> {
    return this.task.run(() => this.sweepOnce(now));
  }

  private async sweepOnce(now: number): Promise<number> {
    await this.manifests.purgeExpired();
    const stale = await this.manifests.staleSets(now - this.env.MULTIPART_TIMEOUT_SECONDS * 1000);
    for (const set of stale) {
      if (set.parts.length === 0) {
        await this.manifests.dropSet(set.carrier, set.reference);
        continue;
      }
      const merged = mergeParts(set.parts.map((p) => p.message as ParsedMessage));
      const first = set.parts[0];
      const outputs = await this.parse.publish([merged], {
        receiptId: first.receiptId,
        carrier: set.carrier,
        receivedAt: first.receivedAt,
      });
      await this.producer.sendMany(outputs);
      await this.manifests.dropSet(set.carrier, set.reference);
      const patch = this.parse.receiptPatch([merged], [], false);
      for (const p of set.parts) await this.receipts.update(p.receiptId, patch);
      this.logger.warn(
        { carrier: set.carrier, parts: set.parts.length },
        'incomplete multi-part set screened after timeout',
      );
    }
    return stale.length;
  }
}
