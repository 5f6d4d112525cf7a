import { Inject, Injectable } from '@nestjs/common';

import { DecisionMade, decodeEvent, envelope, Header, Iapi, Topic } from '@paxscreen/contracts';
import { type ConsumedRecord, DecisionPublisher, type OutputBatch } from '@paxscreen/kafka';
import { LOGGER, type Logger, traceIdOf } from '@paxscreen/observability';
import { DecisionStore, type HotPathEntry } from '@paxscreen/redis';

import { decisionEvent, decisionIdFor, hotPathEntry } from '../decisions/decision-event';
import { ScreeningStateService } from '../state/screening-state.service';

/**
 * Interactive requests (iAPI at check-in, port-of-entry look-ups without advance data): screen now,
 * reply to the requester, and record every decision on the decisions topic and the hot path, even
 * when the requester has already given up waiting.
 */
@Injectable()
export class IapiRequestUseCase {
  constructor(
    @Inject(ScreeningStateService) private readonly index: ScreeningStateService,
    @Inject(DecisionStore) private readonly decisions: DecisionStore,
    @Inject(DecisionPublisher) private readonly publisher: DecisionPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(records: ConsumedRecord[]): Promise<OutputBatch[]> {
    const replies: OutputBatch = { topic: Topic.IapiReplies, records: [] };
    const decided: DecisionMade.Value[] = [];
    const hot: HotPathEntry[] = [];
    const { decoded, letters: dead } = this.publisher.decode(records, (value) =>
      decodeEvent(Iapi.RequestValue, value),
    );
    for (const { value: request } of decoded) {
      const events = request.travellers.map((t, i) => {
        const decision = this.index.screener.screen(t, {
          decisionId: decisionIdFor(`${request.eventId}:${i}`),
        });
        return decisionEvent(t, decision, {
          manifestId: request.manifestId,
          correlationId: request.requestId,
          traceparent: request.traceparent,
        });
      });
      const reply: Iapi.ReplyValue = {
        ...envelope(request.requestId, request.traceparent),
        requestId: request.requestId,
        decisions: events.map((e) => e.decision),
      };
      replies.records.push({
        key: request.requestId,
        value: reply,
        headers: { [Header.RequestId]: request.requestId, [Header.TraceParent]: reply.traceparent },
      });
      for (const e of events) {
        decided.push(e);
        // Look-ups without advance data are not advance data: keep them off the hot path.
        if (request.purpose !== 'PORT_OF_ENTRY') hot.push(hotPathEntry(e));
      }
      this.logger.info(
        { requestId: request.requestId, traceId: traceIdOf(request.traceparent), decisions: events.length },
        'iAPI request screened',
      );
    }
    // The hot path is a cache of the decisions topic, and someone is waiting for this answer (an
    // officer at the desk, a check-in): the reply does not wait for Redis, which may be down (its
    // commands then fail only after their timeout); the decisions topic gets every decision anyway.
    void this.decisions
      .putMany(hot)
      .catch((err: unknown) =>
        this.logger.warn({ err, decisions: hot.length }, 'hot path not updated; answered without it'),
      );
    return [replies, this.publisher.publish(decided), ...dead];
  }
}
