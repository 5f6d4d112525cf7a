import { Topic } from '@paxscreen/contracts';

import { kafkaSettingsFromEnv, kafkajsConfig, requireRetention, retryFrom } from './settings';

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

describe('KAFKA_RETENTION_HOURS', () => {
  const kept = (env: NodeJS.ProcessEnv, topic: Topic) =>
    kafkaSettingsFromEnv(env).topics.find((t) => t.topic === topic)!.retentionMs / 3_600_000;

  it.each([
    ['travellers=96', Topic.Travellers, 96],
    ['travellers=72', Topic.Travellers, 72],
    ['travellers=-1', Topic.Travellers, -1 / 3_600_000],
    ['decisions=1', Topic.Decisions, 1],
  ])('takes %s', (hours, topic, expected) => {
    expect(kept({ KAFKA_RETENTION_HOURS: hours }, topic)).toBe(expected);
  });

  it.each(['travellers=48', 'decisions=1,travellers=71'])(
    'refuses %s: the travellers topic must keep the 72 h re-vetting window',
    (hours) => {
      expect(() => kafkaSettingsFromEnv({ KAFKA_RETENTION_HOURS: hours })).toThrow(
        /KAFKA_RETENTION_HOURS: travellers is kept (48|71) h, less than its 72 h minimum \(screening/,
      );
    },
  );
});

describe('requireRetention', () => {
  it('passes when the topic keeps long enough, or forever', () => {
    expect(() => requireRetention(kafkaSettingsFromEnv({}), Topic.Travellers, 72, 'WINDOW')).not.toThrow();
    const forever = kafkaSettingsFromEnv({ KAFKA_RETENTION_HOURS: 'travellers=-1' });
    expect(() => requireRetention(forever, Topic.Travellers, 10_000, 'WINDOW')).not.toThrow();
  });

  it('throws, naming the setting, the topic and both durations, when it does not', () => {
    expect(() => requireRetention(kafkaSettingsFromEnv({}), Topic.Travellers, 96, 'WINDOW')).toThrow(
      'WINDOW (96 h) is longer than the travellers topic is kept (72 h): set KAFKA_RETENTION_HOURS=travellers=96 or more in every app',
    );
  });
});
