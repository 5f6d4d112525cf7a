import { ContractViolation, loadEnv, Topic } from '@paxscreen/contracts';
import { kafkaSettingsFromEnv } from '@paxscreen/kafka';

import { startScreening } from './screening.app';
import { screeningConfigFrom } from './screening.config';
import { ScreeningEnv } from './screening.env';

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

  it('by default, the topic keeps the whole re-vetting window', () => {
    const window = loadEnv(ScreeningEnv, { SCREENING_HOME_ECONOMY: 'AUS' }).REVET_WINDOW_HOURS;
    expect(travellersKept({})).toBeGreaterThanOrEqual(window * HOUR_MS);
  });

  it('stops the start, before it connects, when the window is longer than the topic keeps', async () => {
    await expect(
      startScreening({
        KAFKA_BROKERS: '127.0.0.1:1',
        SCREENING_HOME_ECONOMY: 'AUS',
        REVET_WINDOW_HOURS: '96',
      }),
    ).rejects.toThrow(/REVET_WINDOW_HOURS \(96 h\) .*travellers .*72 h/);
  });
});
