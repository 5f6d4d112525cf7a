import { envelope, Iapi, Topic, Traveller } from '@paxscreen/contracts';
import { type ConsumedRecord, DecisionPublisher } from '@paxscreen/kafka';
import { type Logger, Metrics } from '@paxscreen/observability';
import type { DecisionStore } from '@paxscreen/redis';
import { DEFAULT_SCREENING_CONFIG, Screener, ScreeningState } from '@paxscreen/screening';

import type { ScreeningStateService } from '../state/screening-state.service';
import { IapiRequestUseCase } from './iapi-request.usecase';

const TRAVELLER: Traveller = {
  travellerId: 'poe-0123456789abcdef',
  role: 'PASSENGER',
  surname: 'HOLLOWAY',
  givenNames: 'CLARA',
  dateOfBirth: '1980-04-02',
  gender: 'F',
  nationality: 'GBR',
  documents: [{ type: 'P', number: 'C000100004', issuer: 'GBR' }],
  flight: {
    carrier: 'YY',
    number: 'POE',
    departure: { port: 'UNK' },
    arrival: { port: 'UNK', at: '2030-01-02T01:00' },
  },
  itinerary: [],
  findings: [],
};

function request(requestId: string, purpose?: Iapi.RequestPurpose): ConsumedRecord {
  const value: Iapi.RequestValue = {
    ...envelope(requestId),
    requestId,
    carrier: 'YY',
    deadline: Date.now() + 2000,
    manifestId: 'POE:2030-01-02',
    travellers: [TRAVELLER],
    ...(purpose ? { purpose } : {}),
  };
  return {
    topic: Topic.IapiRequests,
    partition: 0,
    offset: '0',
    key: requestId,
    value: Buffer.from(JSON.stringify(value)),
    headers: {},
    timestamp: Date.now(),
  };
}

/**
 * An officer's look-up without advance data, or with Redis down, is screened on demand: the reply
 * must not wait for the hot path (Redis). The chaos run's look-ups during a Redis outage went
 * unanswered while it did (each reply waited for Redis commands to time out).
 */
describe('IapiRequestUseCase', () => {
  const warnings: unknown[] = [];
  const logger = {
    info: () => undefined,
    warn: (fields: unknown) => warnings.push(fields),
  } as unknown as Logger;
  const index = {
    screener: new Screener(new ScreeningState(), DEFAULT_SCREENING_CONFIG),
  } as unknown as ScreeningStateService;

  beforeEach(() => warnings.splice(0));

  it('replies and records the decision while a hot-path write never completes (Redis down)', async () => {
    const putMany = jest.fn(() => new Promise<void>(() => undefined));
    const useCase = new IapiRequestUseCase(
      index,
      { putMany } as unknown as DecisionStore,
      new DecisionPublisher(new Metrics('screening', false)),
      logger,
    );
    const outputs = await useCase.execute([request('req-1')]);
    const replies = outputs.find((o) => o.topic === Topic.IapiReplies)!;
    const decisions = outputs.find((o) => o.topic === Topic.Decisions)!;
    expect(replies.records).toHaveLength(1);
    expect(replies.records[0].key).toBe('req-1');
    const reply = replies.records[0].value as Iapi.ReplyValue;
    expect(reply.decisions).toHaveLength(1);
    expect(reply.decisions[0].travellerId).toBe(TRAVELLER.travellerId);
    expect(decisions.records).toHaveLength(1);
    expect(putMany).toHaveBeenCalledTimes(1);
  });

  it('answers when the hot-path write fails, and says so in the log', async () => {
    const useCase = new IapiRequestUseCase(
      index,
      { putMany: () => Promise.reject(new Error('Command timed out')) } as unknown as DecisionStore,
      new DecisionPublisher(new Metrics('screening', false)),
      logger,
    );
    const outputs = await useCase.execute([request('req-2')]);
    expect(outputs.find((o) => o.topic === Topic.IapiReplies)!.records).toHaveLength(1);
    await new Promise((r) => setImmediate(r));
    expect(warnings).toHaveLength(1);
  });

  it('puts check-in decisions on the hot path, but not those of look-ups without advance data', async () => {
    const written: unknown[][] = [];
    const useCase = new IapiRequestUseCase(
      index,
      {
        putMany: (entries: unknown[]) => (written.push(entries), Promise.resolve()),
      } as unknown as DecisionStore,
      new DecisionPublisher(new Metrics('screening', false)),
      logger,
    );
    const outputs = await useCase.execute([request('req-3', 'PORT_OF_ENTRY'), request('req-4', 'CHECK_IN')]);
    expect(outputs.find((o) => o.topic === Topic.Decisions)!.records).toHaveLength(2);
    expect(written.flat()).toHaveLength(1);
    expect(written.flat()[0]).toMatchObject({ decision: { travellerId: TRAVELLER.travellerId } });
  });
});
