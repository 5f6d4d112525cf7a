import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { loadEnv } from '@paxscreen/contracts';
import { LOGGER, type Logger } from '@paxscreen/observability';

import { AmqpIngest } from './amqp-ingest';
import { FolderIngest } from './folder-ingest';
import { TransportIngest } from './transport-ingest';
import { carrierBindings, TransportEnv } from './transport.env';

export const TRANSPORT_ENV = Symbol('TRANSPORT_ENV');

/** Starts the queue consumer and the folder watchers the environment binds, stops them on shutdown. */
@Injectable()
export class IngestTransports implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly running: { stop: () => Promise<void> }[] = [];

  constructor(
    @Inject(TRANSPORT_ENV) private readonly env: TransportEnv,
    @Inject(TransportIngest) private readonly ingest: TransportIngest,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  static settings(env: NodeJS.ProcessEnv): TransportEnv {
    return loadEnv(TransportEnv, env);
  }

  async onApplicationBootstrap(): Promise<void> {
    const deliver = this.ingest.deliver.bind(this.ingest);
    const queues = carrierBindings(this.env.GATEWAY_AMQP_QUEUES);
    if (this.env.GATEWAY_AMQP_URL && queues.length > 0) {
      const amqp = new AmqpIngest({
        url: this.env.GATEWAY_AMQP_URL,
        queues,
        prefetch: this.env.GATEWAY_AMQP_PREFETCH,
        deliver,
        logger: this.logger,
      });
      await amqp.start();
      this.running.push(amqp);
    }
    for (const [carrier, dir] of carrierBindings(this.env.GATEWAY_DROP_DIRS)) {
      const folder = new FolderIngest({
        carrier,
        dir,
        pollMs: this.env.GATEWAY_DROP_POLL_MS,
        sizeLimit: this.ingest.sizeLimit,
        deliver,
        logger: this.logger,
      });
      await folder.start();
      this.running.push(folder);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.running.splice(0).map((t) => t.stop()));
  }
}
