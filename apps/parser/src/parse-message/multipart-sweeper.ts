import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { mergeParts, ParsedMessage } from '@paxscreen/edifact';
import { KafkaProducer } from '@paxscreen/kafka';
import { LOGGER, type Logger } from '@paxscreen/observability';
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
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(ManifestStore) private readonly manifests: ManifestStore,
    @Inject(ReceiptStore) private readonly receipts: ReceiptStore,
    @Inject(ParseMessageUseCase) private readonly parse: ParseMessageUseCase,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PARSER_ENV) private readonly env: ParserEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((err: unknown) => this.logger.error({ err }, 'multipart sweep failed')),
      this.env.MULTIPART_SWEEP_SECONDS * 1000,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(now = Date.now()): Promise<number> {
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
