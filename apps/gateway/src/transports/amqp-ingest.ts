import { type Channel, type ChannelModel, connect, type ConsumeMessage } from 'amqplib';

import type { Logger } from '@paxscreen/observability';

import type { Delivery, Outcome } from './transport-ingest';

export interface AmqpIngestOptions {
  url: string;
  /** [carrier, queue] bindings: every message on a queue is that carrier's. */
  queues: [carrier: string, queue: string][];
  prefetch: number;
  deliver: (d: Delivery) => Promise<Outcome>;
  logger: Logger;
  /** Delay before a retry (nack with requeue) and before reconnecting, ms. */
  retryMs?: number;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Consumes carrier-bound AMQP queues (durable, manual acknowledgement). A message is acknowledged
 * only after `deliver` decided it: accepted durably in Kafka (or already there: repeated), or
 * dead-lettered durably. Undecided (Kafka or Redis down) it is returned to the queue after a pause.
 * A crash before the acknowledgement makes the broker deliver it again; the gateway's idempotency
 * (bytes, message-id) then answers with the first receipt: never lost, never doubled downstream.
 */
export class AmqpIngest {
  private model?: ChannelModel;
  private stopping = false;
  private reconnect?: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: AmqpIngestOptions) {}

  async start(): Promise<void> {
    this.stopping = false;
    try {
      await this.open();
    } catch (err) {
      this.options.logger.warn({ err: String(err) }, 'AMQP ingest: broker unavailable; retrying');
      this.scheduleReconnect();
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.reconnect);
    await Promise.allSettled([...this.inFlight]);
    await this.model?.close().catch(() => undefined);
    this.model = undefined;
  }

  private async open(): Promise<void> {
    const model = await connect(this.options.url);
    model.on('error', () => undefined);
    model.on('close', () => {
      if (this.model !== model) return;
      this.model = undefined;
      if (!this.stopping) this.scheduleReconnect();
    });
    try {
      await this.consume(model);
    } catch (err) {
      // Half set up (a queue declared with other arguments, a closed channel): start again later.
      await model.close().catch(() => undefined);
      throw err;
    }
    this.model = model;
    this.options.logger.info({ queues: this.options.queues.length }, 'AMQP ingest: consuming');
  }

  private async consume(model: ChannelModel): Promise<void> {
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    // A channel closed by the broker (the connection still up) would stop consuming silently:
    // closing the connection makes `open` start again.
    channel.on('close', () => {
      if (!this.stopping) void model.close().catch(() => undefined);
    });
    await channel.prefetch(this.options.prefetch);
    for (const [carrier, queue] of this.options.queues) {
      await channel.assertQueue(queue, { durable: true });
      await channel.consume(queue, (msg) => msg && this.track(this.handle(channel, carrier, queue, msg)), {
        noAck: false,
      });
    }
  }

  private scheduleReconnect(): void {
    if (this.stopping || this.reconnect?.hasRef()) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      this.open().catch(() => this.scheduleReconnect());
    }, this.options.retryMs ?? 1000);
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async handle(channel: Channel, carrier: string, queue: string, msg: ConsumeMessage): Promise<void> {
    const messageId: unknown = msg.properties.messageId;
    const outcome = await this.options
      .deliver({
        carrier,
        bytes: msg.content,
        size: msg.content.length,
        idempotencyKey:
          typeof messageId === 'string' && IDEMPOTENCY_KEY.test(messageId) ? messageId : undefined,
        source: `amqp:${queue}`,
      })
      .catch((err: unknown): Outcome => ({ kind: 'retry', reason: String(err) }));
    try {
      if (outcome.kind === 'retry') {
        await new Promise((r) => setTimeout(r, this.options.retryMs ?? 1000));
        channel.nack(msg, false, true);
      } else channel.ack(msg);
    } catch {
      // The channel closed meanwhile: the broker delivers the message again.
    }
  }
}
