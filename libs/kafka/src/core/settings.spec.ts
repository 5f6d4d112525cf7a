import { Topic } from '@paxscreen/contracts';

import { kafkaSettingsFromEnv, kafkajsConfig, retryFrom } from './settings';

const backoffs = (r: ReturnType<typeof retryFrom>) => {
  const out: number[] = [];
  for (let i = 0, wait = r.initialRetryTime; i < r.retries; i++, wait = Math.min(r.maxRetryTime, wait * 2))
    out.push(wait);
  return out;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('retryFrom', () => {
  it('keeps the client-wide retries as they were: 200 ms doubling to 10 s, 10 retries', () => {
    expect(retryFrom(200)).toEqual({ initialRetryTime: 200, retries: 10, maxRetryTime: 10_000 });
    expect(kafkajsConfig(kafkaSettingsFromEnv({})).retry).toEqual(retryFrom(200));
  });

  it('starts short but gives up no sooner than the client-wide retries', () => {
    const short = retryFrom(20);
    expect(short.initialRetryTime).toBe(20);
    expect(sum(backoffs(short))).toBeGreaterThanOrEqual(sum(backoffs(retryFrom(200))) - 10_000);
    expect(sum(backoffs(short))).toBeGreaterThanOrEqual(50_000);
    expect(short.retries).toBeGreaterThan(10);
  });
});

describe('KAFKA_TXN_RETRY_MS', () => {
  it('defaults to 20 ms and is read from the environment', () => {
    expect(kafkaSettingsFromEnv({}).transactionRetryMs).toBe(20);
    expect(kafkaSettingsFromEnv({ KAFKA_TXN_RETRY_MS: '200' }).transactionRetryMs).toBe(200);
  });

  it('refuses 0', () => {
    expect(() => kafkaSettingsFromEnv({ KAFKA_TXN_RETRY_MS: '0' })).toThrow(/KAFKA_TXN_RETRY_MS/);
  });
});

describe('KAFKA_RETENTION_HOURS and the re-vetting window (REVET_WINDOW_HOURS)', () => {
  const kept = (env: NodeJS.ProcessEnv, topic: Topic) =>
    kafkaSettingsFromEnv(env).topics.find((t) => t.topic === topic)!.retentionMs / 3_600_000;

  it.each([
    [{}, Topic.Travellers, 72],
    [{ KAFKA_RETENTION_HOURS: 'travellers=96' }, Topic.Travellers, 96],
    [{ KAFKA_RETENTION_HOURS: 'travellers=72' }, Topic.Travellers, 72],
    [{ KAFKA_RETENTION_HOURS: 'travellers=-1' }, Topic.Travellers, -1 / 3_600_000],
    [{ KAFKA_RETENTION_HOURS: 'decisions=1' }, Topic.Decisions, 1],
    [{ KAFKA_RETENTION_HOURS: 'travellers=24', REVET_WINDOW_HOURS: '24' }, Topic.Travellers, 24],
    [{ KAFKA_RETENTION_HOURS: 'travellers=30', REVET_WINDOW_HOURS: '24' }, Topic.Travellers, 30],
    [{ KAFKA_RETENTION_HOURS: 'travellers=96', REVET_WINDOW_HOURS: '96' }, Topic.Travellers, 96],
    [
      { KAFKA_RETENTION_HOURS: 'travellers=-1', REVET_WINDOW_HOURS: '10000' },
      Topic.Travellers,
      -1 / 3_600_000,
    ],
  ])('takes %j', (env, topic, expected) => {
    expect(kept(env, topic)).toBe(expected);
  });

  it.each([
    [{ KAFKA_RETENTION_HOURS: 'travellers=48' }, 48, 72],
    [{ KAFKA_RETENTION_HOURS: 'decisions=1,travellers=71' }, 71, 72],
    [{ KAFKA_RETENTION_HOURS: 'travellers=23', REVET_WINDOW_HOURS: '24' }, 23, 24],
    [{ REVET_WINDOW_HOURS: '96' }, 72, 96],
  ])('refuses %j: the travellers topic keeps the whole re-vetting window', (env, keptHours, window) => {
    expect(() => kafkaSettingsFromEnv(env)).toThrow(
      `KAFKA_RETENTION_HOURS: travellers is kept ${keptHours} h, less than REVET_WINDOW_HOURS (${window} h; ` +
        `screening rebuilds its re-vetting index from it over that window): set travellers=${window} or more, ` +
        'or a shorter REVET_WINDOW_HOURS, in every app',
    );
  });

  it('refuses a re-vetting window under an hour', () => {
    expect(() => kafkaSettingsFromEnv({ REVET_WINDOW_HOURS: '0' })).toThrow(/REVET_WINDOW_HOURS/);
  });
});
