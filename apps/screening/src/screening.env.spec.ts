import { ContractViolation, loadEnv, Topic } from '@paxscreen/contracts';
import { kafkaSettingsFromEnv } from '@paxscreen/kafka';

import { startScreening } from './screening.app';
import { screeningConfigFrom } from './screening.config';
import { defaultMatchThreads, ScreeningEnv } from './screening.env';

describe('ScreeningEnv: SCREENING_HOME_ECONOMY', () => {
  it('is required: without it the start fails, naming the setting', () => {
    for (const env of [{}, { SCREENING_HOME_ECONOMY: '' }]) {
      expect(() => loadEnv(ScreeningEnv, env)).toThrow(ContractViolation);
      expect(() => loadEnv(ScreeningEnv, env)).toThrow(/SCREENING_HOME_ECONOMY: is required/);
    }
  });

  it('stops the service start before it connects anywhere', async () => {
    await expect(startScreening({ KAFKA_BROKERS: '127.0.0.1:1' })).rejects.toThrow(
      /ScreeningEnv \(environment\) is invalid: SCREENING_HOME_ECONOMY: is required/,
    );
  });

  it.each(['US', 'usa', 'U.S', 'ZZZ', 'D', 'USAA', 'United States'])(
    'refuses %j, naming the setting and the value',
    (code) => {
      expect(() => loadEnv(ScreeningEnv, { SCREENING_HOME_ECONOMY: code })).toThrow(
        `SCREENING_HOME_ECONOMY: ${JSON.stringify(code)} is not an ISO 3166-1 alpha-3 country code`,
      );
    },
  );

  it.each(['USA', 'AUS', 'HKG', 'TWN'])('accepts %s and screens for it', (code) => {
    const env = loadEnv(ScreeningEnv, { SCREENING_HOME_ECONOMY: code });
    expect(env.SCREENING_HOME_ECONOMY).toBe(code);
    expect(screeningConfigFrom(env).homeEconomy).toBe(code);
  });

  it('names every bad setting in one error (a bad home economy does not hide another problem)', () => {
    expect(() => loadEnv(ScreeningEnv, { SCREENING_PORT: 'x' })).toThrow(
      /SCREENING_PORT: .*; SCREENING_HOME_ECONOMY: is required/,
    );
  });
});

describe('ScreeningEnv: REVET_WINDOW_HOURS and the travellers topic it is rebuilt from', () => {
  const HOUR_MS = 3_600_000;
  const travellersKept = (env: NodeJS.ProcessEnv) =>
    kafkaSettingsFromEnv(env).topics.find((t) => t.topic === Topic.Travellers)!.retentionMs;
  const windowOf = (env: NodeJS.ProcessEnv) =>
    loadEnv(ScreeningEnv, { SCREENING_HOME_ECONOMY: 'AUS', ...env }).REVET_WINDOW_HOURS;

  it.each([
    ['by default', {}],
    [
      'with a shorter window, for data minimisation',
      { REVET_WINDOW_HOURS: '24', KAFKA_RETENTION_HOURS: 'travellers=24' },
    ],
    [
      'with a longer window kept as long',
      { REVET_WINDOW_HOURS: '96', KAFKA_RETENTION_HOURS: 'travellers=96' },
    ],
  ])('%s, the topic keeps the whole window, read from the same setting', (_, env) => {
    expect(travellersKept(env)).toBe(windowOf(env) * HOUR_MS);
  });

  it.each([
    [{ REVET_WINDOW_HOURS: '96' }, /travellers is kept 72 h, less than REVET_WINDOW_HOURS \(96 h/],
    [
      { REVET_WINDOW_HOURS: '48', KAFKA_RETENTION_HOURS: 'travellers=24' },
      /travellers is kept 24 h, less than REVET_WINDOW_HOURS \(48 h/,
    ],
  ])(
    'stops the start, before it connects, when the window %j is longer than the topic keeps',
    async (env, why) => {
      await expect(
        startScreening({ KAFKA_BROKERS: '127.0.0.1:1', SCREENING_HOME_ECONOMY: 'AUS', ...env }),
      ).rejects.toThrow(why);
    },
  );
});

describe('ScreeningEnv: SCREENING_MATCH_THREADS', () => {
  const threads = (value?: string) =>
    loadEnv(ScreeningEnv, {
      SCREENING_HOME_ECONOMY: 'AUS',
      ...(value === undefined ? {} : { SCREENING_MATCH_THREADS: value }),
    }).SCREENING_MATCH_THREADS;

  it.each([
    ['0', 0],
    ['2', 2],
  ])('reads %s', (value, expected) => expect(threads(value)).toBe(expected));

  it('is one per core unless set, at most 4, and none on one core', () => {
    expect(threads()).toBe(defaultMatchThreads());
    expect([1, 2, 3, 4, 8, 64].map((cores) => defaultMatchThreads(cores))).toEqual([0, 2, 3, 4, 4, 4]);
  });

  it.each(['-1', '1.5', 'two', '65'])('refuses %j, naming the setting', (value) => {
    expect(() => threads(value)).toThrow(/SCREENING_MATCH_THREADS/);
  });
});
