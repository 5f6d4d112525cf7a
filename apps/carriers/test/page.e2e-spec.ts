import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ManualClock } from '@paxscreen/carriers';
import { Topic } from '@paxscreen/contracts';
import { hashApiKey } from '@paxscreen/carrier-keys';
import { issueToken } from '@paxscreen/http';
import { createKafka, EventProducer, kafkaSettingsFromEnv } from '@paxscreen/kafka';
import { type Browser, launchChromium, testEnv, testSchema, uniquePrefix, waitFor } from '@paxscreen/testing';

import { startCarriers } from '../src/carriers.app';
import { TimelinessWatcher } from '../src/watch-timeliness/timeliness-watcher';
import { DAY, dayFlights, dayMessages, DayFlight, manifestRecord } from './generated-day';

const SCREENSHOT = join(__dirname, '../../../test-output/carriers.png');
const AUTH = {
  AUTH_JWT_SECRET: 'carriers-page-secret-0123456789abcdefgh',
  AUTH_JWT_ISSUER: 'paxscreen',
  AUTH_JWT_AUDIENCE: 'paxscreen',
};

describe("carriers page: the day's expected flights, one missing and one late, with scorecards and a chart", () => {
  // Three flights of the generated day: ZB0102 (its T-24 h PNR push late), ZB0105 (no API), ZC0100 (all on time).
  const flights = dayFlights().filter((f) => ['ZB0102', 'ZB0105', 'ZC0100'].includes(f.id));
  const clock = new ManualClock(Date.parse(`${DAY}T00:00:00Z`) - 4 * 86_400_000);
  let app: NestFastifyApplication;
  let base: string;
  let browser: Browser;
  let producer: EventProducer;
  let schema: ReturnType<typeof testSchema>;

  beforeAll(async () => {
    browser = await launchChromium();
    schema = testSchema('carriers_page');
    const env = testEnv(uniquePrefix('carriers-page'), {
      ...AUTH,
      CARRIERS_PORT: '0',
      DATABASE_URL: schema.databaseUrl,
      DATABASE_SCHEMA: schema.schema,
      GATEWAY_CARRIER_KEYS: ['ZB', 'ZC']
        .map((c) => `${c}:${hashApiKey(`key-${c}-0123456789abcdef`)}`)
        .join(','),
    });
    app = await startCarriers(env, { clock, watch: false });
    base = await app.getUrl();
    const settings = kafkaSettingsFromEnv(env);
    producer = new EventProducer(createKafka(settings, 'carriers-page'), settings);
    await producer.connect();
  });

  afterAll(async () => {
    await browser?.close();
    await producer?.disconnect();
    await app?.close();
    await schema?.drop();
  });

  it('renders under a strict CSP and shows exactly the missing and the late flight', async () => {
    const csv = [
      'carrier,flight_number,departure_date,origin,destination,departure_utc,arrival_utc',
      ...flights.map(
        (f: DayFlight) =>
          `${f.carrier},${f.number},${DAY},${f.origin},${f.destination},${new Date(f.departureAt).toISOString()},`,
      ),
    ].join('\n');
    const admin = await issueToken(AUTH, { subject: 'page-admin', roles: ['admin'] });
    expect(
      (
        await fetch(`${base}/v1/schedules`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}` },
          body: csv,
        })
      ).status,
    ).toBe(200);
    const { onTime, late } = dayMessages(flights);
    await producer.send(Topic.Manifests, onTime.map(manifestRecord));
    const supervisor = await issueToken(AUTH, { subject: 'page-supervisor', roles: ['supervisor'] });
    const stored = async () => {
      const res = await fetch(`${base}/v1/carriers/scorecards?from=${DAY}&to=${DAY}`, {
        headers: { authorization: `Bearer ${supervisor}` },
      });
      const { scorecards } = (await res.json()) as { scorecards: { messages: { total: number } }[] };
      return scorecards.reduce((n, c) => n + c.messages.total, 0);
    };
    await waitFor(async () => (await stored()) === onTime.length, { what: 'messages stored' });
    clock.set(Date.parse(`${DAY}T00:00:00Z`) + 2 * 86_400_000);
    await app.get(TimelinessWatcher).tick();
    await producer.send(Topic.Manifests, late.map(manifestRecord));
    await waitFor(async () => (await stored()) === onTime.length + late.length, { what: 'late push stored' });

    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const res = await page.goto(`${base}/#token=${encodeURIComponent(supervisor)}&day=${DAY}`);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    await page.waitForSelector('#status.ok', { timeout: 15_000 });
    expect(page.url()).not.toContain('token'); // the fragment is dropped at once
    expect(await page.textContent('#flights-count')).toBe('3');
    expect(await page.textContent('#missing-count')).toBe('3'); // ZB0105: passengers, crew, close-out
    expect(await page.textContent('#late-count')).toBe('1'); // ZB0102's T-24 h push
    const flightsTable = await page.locator('#flights-body tr').allTextContents();
    expect(flightsTable.find((r) => r.startsWith('ZB0105'))).toContain(
      'MISSING (API_PASSENGERS, API_CREW, API_CLOSEOUT)',
    );
    expect(flightsTable.find((r) => r.startsWith('ZB0102'))).toContain('LATE (PNR_T24)');
    expect(flightsTable.find((r) => r.startsWith('ZC0100'))).toMatch(/ON_TIME.*ON_TIME/);
    expect(await page.locator('#chart rect').count()).toBe(2 * 2); // two carriers, two bars each
    expect(await page.locator('#scorecards-body tr').count()).toBe(2);
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
  });
});
