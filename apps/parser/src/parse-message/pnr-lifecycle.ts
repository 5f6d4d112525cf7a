import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { LOGGER, type Logger, PeriodicTask } from '@paxscreen/observability';
import { maskTraveller, PrivacyPolicy, seal, sealKey } from '@paxscreen/privacy';
import { PnrVault } from '@paxscreen/records';

import { ParserEnv } from '../parser.env';
import { PARSER_ENV, PRIVACY_POLICY } from '../tokens';

/**
 * Depersonalises PNR-derived data when it reaches the masking age (the full record is sealed with
 * PNR_UNMASK_KEY so that a supervisor can re-personalise it, audited), and deletes it at the end of
 * the retention period.
 */
@Injectable()
export class PnrLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;
  private readonly key: Buffer;

  constructor(
    @Inject(PnrVault) private readonly vault: PnrVault,
    @Inject(PRIVACY_POLICY) private readonly policy: PrivacyPolicy,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PARSER_ENV) env: ParserEnv,
  ) {
    this.key = sealKey(env.PNR_UNMASK_KEY);
    this.task = new PeriodicTask({
      name: 'PNR masking job',
      everyMs: env.PNR_LIFECYCLE_SECONDS * 1000,
      tick: () => this.runOnce(Date.now()),
      logger,
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One run at `now` (after the run in progress, if any). */
  run(now = Date.now()): Promise<{ masked: number; purged: number }> {
    return this.task.run(() => this.runOnce(now));
  }

  private async runOnce(now: number): Promise<{ masked: number; purged: number }> {
    const purged = await this.vault.purgeReceivedBefore(now - this.policy.pnrRetentionMs);
    const masked = await this.vault.maskReceivedBefore(now - this.policy.pnrMaskAfterMs, (record) => ({
      ...record,
      masked: true,
      traveller: maskTraveller(record.traveller),
      // Bound to the traveller id: a sealed record cannot be swapped onto another one.
      sealed: seal(record.traveller, this.key, record.travellerId),
    }));
    if (masked + purged > 0) this.logger.info({ masked, purged }, 'PNR data masked and purged by age');
    return { masked, purged };
  }
}
