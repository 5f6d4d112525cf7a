import { Inject, Injectable } from '@nestjs/common';

import { DecisionMade, envelope, type TravellerStatusState } from '@paxscreen/contracts';
import type { ParsedMessage } from '@paxscreen/edifact';
import { ApiError } from '@paxscreen/http';
import { DecisionPublisher, KafkaProducer } from '@paxscreen/kafka';
import { LOGGER, type Logger } from '@paxscreen/observability';
import { DecisionStore, type HotPathEntry } from '@paxscreen/redis';
import { markTravellerStatus, type MarkableDecision } from '@paxscreen/screening';

export interface ChangeAnswer {
  travellerId: string;
  surname: string;
  givenNames: string;
  /** True when paxscreen had the traveller (a current decision on this carrier's flight). */
  applied: boolean;
  state?: TravellerStatusState;
  /** When paxscreen first received the change (a repeated report keeps the first time). */
  at?: string;
}

/**
 * iAPI changes after check-in (issue 17): the carrier reports travellers cancelled or offloaded
 * (PAXLST BGM+745+XR / CLNB, or JSON `travellerStatus`). Each traveller's current decision (the
 * hot path, by traveller id: the same identity on the same flight gives the same id) is marked by
 * a superseding decision that repeats it and says CANCELLED / OFFLOADED and when: durably on the
 * decisions topic first (records files it), then in the hot path, so the port-of-entry look-up
 * says so at once (published by the one `DecisionPublisher`). A traveller paxscreen does not have is answered `applied: false`.
 */
@Injectable()
export class TravellerChangeUseCase {
  constructor(
    @Inject(DecisionStore) private readonly decisions: DecisionStore,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(DecisionPublisher) private readonly publisher: DecisionPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async apply(
    carrier: string,
    message: ParsedMessage,
    state: TravellerStatusState,
    requestId: string,
    traceparent: string,
  ): Promise<ChangeAnswer[]> {
    const at = new Date().toISOString();
    let current: (HotPathEntry | undefined)[];
    try {
      current = await this.decisions.byTravellers(message.travellers.map((t) => t.travellerId));
    } catch (err) {
      this.logger.error({ err }, 'hot path unavailable for an iAPI change');
      throw new ApiError(503, 'UNAVAILABLE', 'the change could not be applied now; retry');
    }
    const marked: MarkableDecision[] = [];
    const answers = message.travellers.map((t, i): ChangeAnswer => {
      const base = { travellerId: t.travellerId, surname: t.surname, givenNames: t.givenNames };
      const c = current[i];
      // Ids include the carrier's flight; the check keeps isolation explicit all the same.
      if (!c || c.flight.carrier !== carrier) return { ...base, applied: false };
      const m = markTravellerStatus(c, { state, at });
      if (m) marked.push(m);
      return { ...base, applied: true, state, at: m ? at : (c.travellerStatus?.at ?? at) };
    });
    if (marked.length === 0) return answers;
    const events: DecisionMade.Value[] = marked.map((m) => ({ ...envelope(requestId, traceparent), ...m }));
    // Published like every decision (key, receipt id header, count); a status mark repeats the
    // original's receivedAt, so it is not an ingest-to-decision sample.
    const { topic, records } = this.publisher.publish(events, { ingest: false });
    try {
      await this.producer.send(topic, records);
      await this.decisions.putMany(marked);
    } catch (err) {
      // A retry by the carrier gives the same decision ids: records file them once.
      this.logger.error({ err, travellers: marked.length }, 'iAPI change could not be recorded');
      throw new ApiError(503, 'UNAVAILABLE', 'the change could not be recorded now; retry');
    }
    this.logger.info({ carrier, state, applied: marked.length, requestId }, 'iAPI change applied');
    return answers;
  }
}
