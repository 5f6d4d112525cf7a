import { randomUUID } from 'node:crypto';

import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';

import { Decision, decodeEvent, envelope, Header, Iapi, Topic, Traveller } from '@paxscreen/contracts';
import { ConsumedRecord, KafkaProducer, KafkaReaders, ReplyListener } from '@paxscreen/kafka';
import { HealthRegistry, LOGGER, type Logger } from '@paxscreen/observability';

interface Pending {
  resolve: (decisions: Decision[] | undefined) => void;
  timer: NodeJS.Timeout;
}

export interface ScreenNowRequest {
  carrier: string;
  manifestId: string;
  travellers: Traveller[];
  timeoutMs: number;
  requestId?: string;
  traceparent?: string;
  purpose?: Iapi.RequestPurpose;
}

/**
 * Request/reply with the screening service over Kafka: the request goes to the iAPI requests
 * topic, the reply is picked from the replies topic by request id. A reply that does not come in
 * time resolves to `undefined` (the caller answers CONTACT_AGENCY); it never hangs.
 */
@Injectable()
export class IapiClient implements OnModuleInit, OnApplicationShutdown {
  private readonly pending = new Map<string, Pending>();
  private readonly listener: ReplyListener;

  constructor(
    @Inject(KafkaReaders) readers: KafkaReaders,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(HealthRegistry) health: HealthRegistry,
  ) {
    this.listener = readers.replyListener(Topic.IapiReplies, (r) => this.onReply(r), 'gateway-replies');
    let listening = false;
    void this.listener.ready.then(() => (listening = true));
    health.register({ name: 'iapi-replies', check: async () => listening });
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.resolve(undefined);
    }
    await this.listener.stop();
  }

  private onReply(record: ConsumedRecord): void {
    const requestId = record.key;
    const waiting = requestId ? this.pending.get(requestId) : undefined;
    if (!waiting || !record.value) return;
    try {
      const reply = decodeEvent(Iapi.ReplyValue, record.value);
      clearTimeout(waiting.timer);
      this.pending.delete(requestId!);
      waiting.resolve(reply.decisions);
    } catch (err) {
      this.logger.error({ err }, 'unreadable iAPI reply');
    }
  }

  /** Screens travellers now; resolves with one decision per traveller, or undefined on timeout. */
  async screen(req: ScreenNowRequest): Promise<{ requestId: string; decisions: Decision[] | undefined }> {
    const requestId = req.requestId ?? randomUUID();
    const result = new Promise<Decision[] | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        resolve(undefined);
      }, req.timeoutMs);
      this.pending.set(requestId, { resolve, timer });
    });
    const request: Iapi.RequestValue = {
      ...envelope(requestId, req.traceparent),
      requestId,
      carrier: req.carrier,
      deadline: Date.now() + req.timeoutMs,
      manifestId: req.manifestId,
      travellers: req.travellers,
      ...(req.purpose ? { purpose: req.purpose } : {}),
    };
    try {
      await this.producer.send(Topic.IapiRequests, [
        {
          key: requestId,
          value: request,
          headers: { [Header.RequestId]: requestId, [Header.TraceParent]: req.traceparent },
        },
      ]);
    } catch (err) {
      this.logger.error({ err, requestId }, 'iAPI request could not be sent');
      const p = this.pending.get(requestId);
      if (p) {
        clearTimeout(p.timer);
        this.pending.delete(requestId);
        p.resolve(undefined);
      }
    }
    return { requestId, decisions: await result };
  }
}
