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
