import { randomUUID } from 'node:crypto';

import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';

import { Decision, decodeEvent, envelope, Header, Iapi, Topic, Traveller } from '@paxscreen/contracts';
import { ConsumedRecord, KafkaProducer, KafkaReaders, ReplyListener } from '@paxscreen/kafka';
import { HealthRegistry, LOGGER, type Logger } from '@paxscreen/observability';

interface Pending {
  resolve: (decisions: Decision[] | undefined) => void;
  timer: NodeJS.Timeout;
  travellers: number;
}

export interface ScreenNowRequest {
  carrier: string;
  manifestId: string;
  travellers: Traveller[];
  timeoutMs: number;
  requestId?: string;
  traceparent?: string;
  purpose?: Iapi.RequestPurpose;
  /** Called once the request is on the requests topic (or could not be sent): only the reply is awaited then. */
  sent?: () => void;
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
  private waitingTravellers = 0;

  /** Travellers of the requests sent and not yet answered (nor timed out). */
  get pendingTravellers(): number {
    return this.waitingTravellers;
  }

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
    for (const id of [...this.pending.keys()]) this.settle(id, undefined);
    await this.listener.stop();
  }

  private onReply(record: ConsumedRecord): void {
    const requestId = record.key;
    const waiting = requestId ? this.pending.get(requestId) : undefined;
    if (!waiting || !record.value) return;
    try {
      const reply = decodeEvent(Iapi.ReplyValue, record.value);
      this.settle(requestId!, reply.decisions);
    } catch (err) {
      this.logger.error({ err }, 'unreadable iAPI reply');
    }
  }

  /** Screens travellers now; resolves with one decision per traveller, or undefined on timeout. */
  async screen(req: ScreenNowRequest): Promise<{ requestId: string; decisions: Decision[] | undefined }> {
    const requestId = req.requestId ?? randomUUID();
    const result = new Promise<Decision[] | undefined>((resolve) => {
      const timer = setTimeout(() => this.settle(requestId, undefined), req.timeoutMs);
      this.pending.set(requestId, { resolve, timer, travellers: req.travellers.length });
      this.waitingTravellers += req.travellers.length;
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
      this.settle(requestId, undefined);
    }
    req.sent?.();
    return { requestId, decisions: await result };
  }

  /** Answers a pending request (decisions, or undefined: timed out, not sent, shutting down) once. */
  private settle(requestId: string, decisions: Decision[] | undefined): void {
    const p = this.pending.get(requestId);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(requestId);
    this.waitingTravellers -= p.travellers;
    p.resolve(decisions);
  }
}
