import { Inject, Injectable } from '@nestjs/common';

import type { Lookout } from '@paxscreen/contracts';
import { LOGGER, type Logger } from '@paxscreen/observability';
import { LookoutStore } from '@paxscreen/redis';

/**
 * Puts a lookout on the port-of-entry hot path as soon as it is made, and takes it off at the
 * encounter. Redis failing here is not the action failing: PostgreSQL holds the lookout and the
 * next scan (CaseworkTimers) writes every open one again.
 */
@Injectable()
export class LookoutHotPath {
  constructor(
    @Inject(LookoutStore) private readonly store: LookoutStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async publish(lookout: Lookout): Promise<void> {
    await this.store
      .put([lookout])
      .catch((err: unknown) =>
        this.logger.warn({ err }, 'lookout not on the hot path yet; the next scan writes it'),
      );
  }

  async withdraw(lookout: Lookout): Promise<void> {
    await this.store
      .remove(lookout)
      .catch((err: unknown) =>
        this.logger.warn({ err }, 'closed lookout still on the hot path until it expires'),
      );
  }
}
