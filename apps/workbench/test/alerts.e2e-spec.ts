import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SMTPServer } from 'smtp-server';

import { SIGNATURE_HEADER, verifyWebhookSignature } from '@paxscreen/alerts';
import { Alert, CarrierEvent, type DeadLetter, newEventId, Topic } from '@paxscreen/contracts';
import { issueToken, type Role } from '@paxscreen/http';
import { createKafka, EventProducer, kafkaSettingsFromEnv } from '@paxscreen/kafka';
import { testCarrierEvent, testEnv, testSchema, uniquePrefix, waitFor } from '@paxscreen/testing';

import { TopicReader } from '../../../test/support/topic-reader';
import { startWorkbench } from '../src/workbench.app';

const ROOT = join(__dirname, '../../..');
const OUTPUT = join(ROOT, 'test-output');
const SECRET = 'workbench-e2e-secret-0123456789abcdef';
const AUTH = { AUTH_JWT_SECRET: SECRET, AUTH_JWT_ISSUER: 'paxscreen', AUTH_JWT_AUDIENCE: 'paxscreen' };
const HOOK_SECRET = 'whsec-workbench-e2e-0123456789';
/** Alerts timed for the latency figures (p99 from the alert's createdAt to its arrival). */
const TIMED_ALERTS = 40;

interface Received {
  at: number;
  alert: Alert.Value;
  /** The webhook's idempotency key (the delivery id): a retry after a lost answer repeats it. */
  key?: string;
}

/** A real HTTP receiver: checks every signature, answers with `status(n)` for its n-th request. */
function webhookReceiver(status: (n: number) => number) {
  const received: Received[] = [];
  let requests = 0;
  const badSignatures: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString('utf8');
      const check = verifyWebhookSignature(
        HOOK_SECRET,
        req.headers[SIGNATURE_HEADER] as string,
        body,
        Math.floor(at / 1000),
      );
      if (check !== 'OK') badSignatures.push(check);
      const answer = status(++requests);
      if (answer === 200 && check === 'OK')
        received.push({
          at,
          alert: JSON.parse(body) as Alert.Value,
          key: String(req.headers['idempotency-key']),
        });
      res.writeHead(answer).end();
    });
  });
  const receiver = {
    received,
    badSignatures,
    url: '',
    requests: () => requests,
    start: () =>
      new Promise<void>((resolve) =>
        server.listen(0, '127.0.0.1', () => {
          receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
          resolve();
        }),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return receiver;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

describe('workbench: alert subscriptions and delivery (live stream, signed webhooks, e-mail over SMTP)', () => {
  let app: NestFastifyApplication;
  let base: string;
  let producer: EventProducer;
  let schema: ReturnType<typeof testSchema>;
  let prefix: string;
  let smtp: SMTPServer;
  const mails: { at: number; to: string; text: string }[] = [];
  const good = webhookReceiver(() => 200);
  const flaky = webhookReceiver((n) => (n <= 2 ? 503 : 200));
  const broken = webhookReceiver(() => 500);
  let deadLetters: TopicReader;
  const token = (role: Role, subject = `${role}-1`, post?: string) =>
    issueToken(AUTH, { subject, roles: [role], post });
  const call = async (path: string, init: { method?: string; body?: unknown; bearer?: string } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  };
  let seq = 0;
  const alert = (over: Partial<Alert.Value> = {}): Alert.Value => ({
    schemaVersion: 1,
    eventId: newEventId(),
    occurredAt: new Date().toISOString(),
    correlationId: `rcpt-${seq}`,
    alertId: `alert-${prefix}${++seq}`,
    kind: 'HIT_NEAR_ARRIVAL',
    hitId: `hit-${seq}`,
    port: 'SYD',
    listIds: ['UN'],
    flight: { carrier: 'QF', number: '1', departureDate: '2026-12-06', arrivalAt: '2026-12-07T06:00' },
    outcome: 'REFER',
    priority: 80,
    createdAt: new Date().toISOString(),
    summary: 'REFER on QF1 arriving SYD, list UN',
    ...over,
  });
  const publish = (...alerts: Alert.Value[]) =>
    producer.send(
      Topic.Alerts,
      alerts.map((a) => ({ key: Alert.key(a), value: a })),
    );

  /** An open alert stream (server-sent events) and the alerts it received. */
  const stream = async (bearer: string) => {
    const abort = new AbortController();
    const res = await fetch(`${base}/v1/workbench/alerts/stream`, {
      headers: { authorization: `Bearer ${bearer}` },
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const got: Received[] = [];
    const reader = res.body!.getReader();
    let buffer = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += Buffer.from(value!).toString('utf8');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith('event: alert\n'))
            got.push({ at: Date.now(), alert: JSON.parse(frame.split('\ndata: ')[1]) as Alert.Value });
        }
      }
    })();
    return { got, close: () => abort.abort() };
  };

  beforeAll(async () => {
    execFileSync(join(ROOT, 'scripts/build-workbench.sh'), { stdio: 'inherit' });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({
            at: Date.now(),
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            text: Buffer.concat(chunks).toString('utf8'),
          });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    await Promise.all([good.start(), flaky.start(), broken.start()]);
    schema = testSchema('workbench');
    prefix = uniquePrefix('workbench');
    const env = testEnv(prefix, {
      ...AUTH,
      WORKBENCH_PORT: '0',
      DATABASE_URL: schema.databaseUrl,
      WORKBENCH_DATABASE_SCHEMA: schema.schema,
      WORKBENCH_DEV_LOGIN: 'true',
      // Nothing listens there (this suite's port block): the proxy must say so, not hang.
      CASEWORK_URL: 'http://127.0.0.1:42099',
      ALERTS_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      ALERTS_MAX_ATTEMPTS: '3',
      ALERTS_RETRY_BASE_MS: '100',
      ALERTS_RETRY_MAX_MS: '400',
      ALERTS_POLL_MS: '50',
      ALERTS_SEND_TIMEOUT_MS: '2000',
    });
    app = await startWorkbench(env);
    base = await app.getUrl();
    const settings = kafkaSettingsFromEnv(env);
    producer = new EventProducer(createKafka(settings, 'workbench-e2e'), settings);
    await producer.connect();
    deadLetters = await new TopicReader(prefix, Topic.DeadLetter).start();
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await deadLetters?.stop();
    await Promise.all([good.stop(), flaky.stop(), broken.stop()]);
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await schema?.drop();
  });

  it('serves the built UI under a strict Content-Security-Policy', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).not.toMatch(/<script>(?!<)|<style>|style="/);
    const script = /src="\/assets\/([^"]+\.js)"/.exec(html)![1];
    const js = await fetch(`${base}/assets/${script}`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/assets/..%2Fpackage.json`)).status).toBe(404);
  });

  it('issues development tokens for workbench roles only', async () => {
    const login = await call('/v1/workbench/dev-login', { method: 'POST', body: { role: 'analyst' } });
    expect(login.status).toBe(200);
    expect(
      (await call('/v1/workbench/alert-subscriptions', { bearer: String(login.body.token) })).status,
    ).toBe(200);
    expect((await call('/v1/workbench/dev-login', { method: 'POST', body: { role: 'admin' } })).status).toBe(
      400,
    );
  });

  it.each([
    ['no token', undefined, 401],
    ['an operator', 'operator', 403],
    ['an admin', 'admin', 403],
  ] as const)('refuses alerts and subscriptions to %s', async (_label, role, status) => {
    const bearer = role ? await token(role) : undefined;
    expect((await call('/v1/workbench/alert-subscriptions', { bearer })).status).toBe(status);
    expect((await call('/v1/workbench/alerts/stream', { bearer })).status).toBe(status);
  });

  it.each([
    ['an unknown channel', { channel: 'SMS' }],
    ['a webhook without a secret', { channel: 'WEBHOOK', url: 'https://hooks.example/x' }],
    [
      'a webhook URL with credentials',
      { channel: 'WEBHOOK', url: 'https://u:p@hooks.example/x', secret: HOOK_SECRET },
    ],
    ['a bad e-mail address', { channel: 'EMAIL', email: 'not-an-address' }],
    ['a lower-case port', { channel: 'LIVE', ports: ['syd'] }],
  ])('refuses %s with a typed 400', async (_label, body) => {
    const res = await call('/v1/workbench/alert-subscriptions', {
      method: 'POST',
      body,
      bearer: await token('analyst'),
    });
    expect(res.status).toBe(400);
    expect(typeof res.body.code).toBe('string');
  });

  it('passes /v1/casework/* on, and says so when casework does not answer', async () => {
    const res = await call('/v1/casework/hits', { bearer: await token('analyst') });
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('UPSTREAM_UNAVAILABLE');
    expect((await call('/v1/casework/..%2Fadmin', { bearer: await token('analyst') })).status).toBe(400);
  });

  it('delivers each alert live, by signed webhook and by e-mail to the subscribers it matches; reports p99', async () => {
    const analyst = await token('analyst', 'analyst-live');
    const officer = await token('officer', 'officer-mel', 'MEL');
    const subscribe = async (bearer: string, body: Record<string, unknown>) => {
      const res = await call('/v1/workbench/alert-subscriptions', { method: 'POST', body, bearer });
      expect(res.status).toBe(201);
      expect(res.body).not.toHaveProperty('secret');
      return String(res.body.subscriptionId);
    };
    await subscribe(analyst, { channel: 'LIVE', ports: ['SYD'] });
    await subscribe(analyst, {
      channel: 'WEBHOOK',
      ports: ['SYD'],
      listIds: ['UN'],
      url: good.url,
      secret: HOOK_SECRET,
    });
    await subscribe(analyst, { channel: 'EMAIL', listIds: ['UN'], email: 'syd-desk@agency.example' });
    const listed = await call('/v1/workbench/alert-subscriptions', { bearer: analyst });
    expect(
      (listed.body.items as { hasSecret: boolean; channel: string }[]).map((s) => [s.channel, s.hasSecret]),
    ).toEqual([
      ['LIVE', false],
      ['WEBHOOK', true],
      ['EMAIL', false],
    ]);

    // Two live streams: the analyst's (SYD by subscription) and a Melbourne officer's (by post).
    const sydney = await stream(analyst);
    const melbourne = await stream(officer);

    const sent: Alert.Value[] = [];
    for (let i = 0; i < TIMED_ALERTS; i++) {
      const a = alert();
      sent.push(a);
      await publish(a);
      await new Promise((r) => setTimeout(r, 25));
    }
    const elsewhere = alert({ port: 'MEL', listIds: ['EU'] });
    await publish(elsewhere);

    const ids = new Set(sent.map((a) => a.alertId));
    const hitOf = new Map(sent.map((a) => [a.hitId, a]));
    const mailFor = (m: { text: string }) => hitOf.get(/#\/hits\/(hit-\d+)/.exec(m.text)?.[1] ?? '');
    const sydneyMails = () =>
      mails.filter((m) => m.to === 'syd-desk@agency.example').map((m) => ({ at: m.at, alert: mailFor(m)! }));
    /** When each of the timed alerts first arrived (delivery is at least once: a retry may repeat one). */
    const firstArrivals = (got: Received[]) => {
      const first = new Map<string, number>();
      for (const r of got)
        if (ids.has(r.alert.alertId) && !first.has(r.alert.alertId))
          first.set(r.alert.alertId, r.at - Date.parse(r.alert.createdAt));
      return [...first.values()];
    };
    await waitFor(() => firstArrivals(sydney.got).length === TIMED_ALERTS, { what: 'live alerts' });
    await waitFor(() => firstArrivals(good.received).length === TIMED_ALERTS, { what: 'webhooks' });
    await waitFor(() => firstArrivals(sydneyMails()).length === TIMED_ALERTS, { what: 'e-mails' });
    await waitFor(() => melbourne.got.some((r) => r.alert.alertId === elsewhere.alertId), {
      what: 'the Melbourne alert',
    });
    sydney.close();
    melbourne.close();

    // Routing: the MEL/EU alert reached neither the SYD webhook nor the UN mailbox nor the SYD bell.
    expect(good.received.map((r) => r.alert.alertId)).not.toContain(elsewhere.alertId);
    expect(sydney.got.map((r) => r.alert.alertId)).not.toContain(elsewhere.alertId);
    expect(mails.filter((m) => m.text.includes(elsewhere.hitId!))).toHaveLength(0);
    expect(melbourne.got.filter((r) => ids.has(r.alert.alertId))).toHaveLength(0);
    expect(good.badSignatures).toEqual([]);
    // A webhook repeated by a retry (an answer lost to a timeout) carries the same idempotency key.
    const keys = new Map<string, Set<string>>();
    for (const r of good.received)
      keys.set(r.alert.alertId, (keys.get(r.alert.alertId) ?? new Set()).add(r.key!));
    expect([...keys.values()].every((k) => k.size === 1)).toBe(true);
    // The e-mail names the flight and links the hit, and carries nothing the alert did not.
    // Long headers are folded (RFC 5322): unfolded before reading.
    const mail = mails
      .map((m) => m.text.replace(/\r?\n[ \t]+/g, ' '))
      .find((t) => t.includes(`/#/hits/${sent[0].hitId}\r\n`) || t.endsWith(`/#/hits/${sent[0].hitId}`))!;
    expect(mail).toContain('Subject: [paxscreen] Hit on a flight arriving soon: REFER QF1 2026-12-06 SYD');

    const figures = Object.fromEntries(
      (
        [
          ['live', firstArrivals(sydney.got)],
          ['webhook', firstArrivals(good.received)],
          ['email', firstArrivals(sydneyMails())],
        ] as const
      ).map(([name, values]) => [
        name,
        {
          n: values.length,
          p50: percentile(values, 50),
          p99: percentile(values, 99),
          max: Math.max(...values),
        },
      ]),
    );
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(
      join(OUTPUT, 'workbench-alert-latency.json'),
      `${JSON.stringify({ at: new Date().toISOString(), ms: figures }, null, 2)}\n`,
    );
    process.stdout.write(
      `workbench alert latency, alert createdAt → delivery, ms: ${JSON.stringify(figures)}\n`,
    );
  });

  it('turns carrier MISSING / LATE events into alerts: a LIVE subscriber filtered by kind hears only CARRIER_MISSING', async () => {
    const missingOnly = await token('analyst', 'analyst-carriers');
    const subscribed = await call('/v1/workbench/alert-subscriptions', {
      method: 'POST',
      body: { channel: 'LIVE', kinds: ['CARRIER_MISSING'] },
      bearer: missingOnly,
    });
    expect(subscribed.status).toBe(201);
    expect(subscribed.body.kinds).toEqual(['CARRIER_MISSING']);
    // An officer posted at the departure port, with no subscription: sees both (by post, origin).
    const departures = await stream(await token('officer', 'officer-lhr', 'LHR'));
    const filtered = await stream(missingOnly);

    const flight = `${(seq++ % 9000) + 1000}`;
    const carrierEvent = (over: Partial<CarrierEvent.Value>) =>
      testCarrierEvent({
        correlationId: `flight:ZZ${flight}`,
        incidentId: `inc-${prefix}${flight}-${over.kind}`,
        flightNumber: flight,
        ...over,
      });
    const late = carrierEvent({
      kind: 'LATE',
      state: 'CLOSED',
      obligation: 'PNR_T24',
      receivedAt: '2026-12-06T10:35:00.000Z',
      lateByMinutes: 35,
    });
    const missing = carrierEvent({ kind: 'MISSING' });
    // One flight, one partition: the LATE is relayed (and pushed) before the MISSING.
    await producer.send(
      Topic.CarrierEvents,
      [late, missing].map((e) => ({ key: CarrierEvent.key(e), value: e })),
    );

    const heard = await waitFor(
      () => filtered.got.find((r) => r.alert.incidentId === missing.incidentId)?.alert,
      { what: 'the CARRIER_MISSING alert on the kind-filtered stream' },
    );
    await waitFor(
      () =>
        departures.got.filter((r) => [late.incidentId, missing.incidentId].includes(r.alert.incidentId!))
          .length === 2 || undefined,
      { what: 'both carrier alerts on the LHR officer stream' },
    );
    filtered.close();
    departures.close();

    expect(heard).toMatchObject({
      kind: 'CARRIER_MISSING',
      alertId: `carrier-${missing.eventId}`,
      port: 'SYD',
      listIds: [],
      outcome: 'API_PASSENGERS',
      flight: {
        carrier: 'ZZ',
        number: flight,
        departureDate: '2026-12-07',
        origin: 'LHR',
        destination: 'SYD',
      },
    });
    expect(heard.hitId).toBeUndefined();
    expect(heard.summary).toBe(
      `API_PASSENGERS missing for ZZ${flight} 2026-12-07 LHR-SYD, due 2026-12-07T09:00:00.000Z`,
    );
    // The kind filter kept the LATE one away from this stream (it reached the LHR officer first).
    expect(filtered.got.map((r) => r.alert.kind)).toEqual(['CARRIER_MISSING']);
    expect(departures.got.find((r) => r.alert.incidentId === late.incidentId)?.alert.kind).toBe(
      'CARRIER_LATE',
    );
  });

  it('retries a failing webhook with backoff, and dead-letters a delivery after its last attempt', async () => {
    const analyst = await token('analyst', 'analyst-retry');
    for (const receiver of [flaky, broken])
      expect(
        (
          await call('/v1/workbench/alert-subscriptions', {
            method: 'POST',
            body: { channel: 'WEBHOOK', ports: ['PER'], url: receiver.url, secret: HOOK_SECRET },
            bearer: analyst,
          })
        ).status,
      ).toBe(201);
    const a = alert({ port: 'PER', listIds: ['NATIONAL'] });
    await publish(a);
    await waitFor(() => flaky.received.some((r) => r.alert.alertId === a.alertId), {
      what: 'the third attempt',
    });
    expect(flaky.requests()).toBe(3);
    const letter = await waitFor(
      () =>
        deadLetters
          .json<DeadLetter.Value>()
          .find((d) => d.code === 'ALERT_WEBHOOK_UNDELIVERED' && d.stage === 'workbench'),
      { what: 'the dead letter' },
    );
    expect(broken.requests()).toBe(3);
    expect(letter.sourceTopic).toBe(Topic.Alerts);
    expect(JSON.parse(Buffer.from(letter.payloadBase64, 'base64').toString('utf8'))).toMatchObject({
      alertId: a.alertId,
    });
    expect(letter.message).toContain('HTTP 500');
  });

  it('dead-letters an alert that is not a valid alert event, and keeps delivering', async () => {
    await producer.send(Topic.Alerts, [{ key: 'x', value: { alertId: 'broken', kind: 'SOMETHING' } }]);
    const letter = await waitFor(
      () => deadLetters.json<DeadLetter.Value>().find((d) => d.code === 'ALERT_INVALID'),
      { what: 'the invalid alert dead letter' },
    );
    expect(letter.stage).toBe('workbench');
  });

  it('dead-letters a carrier event that is not a valid carrier event', async () => {
    await producer.send(Topic.CarrierEvents, [{ key: 'x', value: { kind: 'MISSING', flightNumber: '42' } }]);
    const letter = await waitFor(
      () => deadLetters.json<DeadLetter.Value>().find((d) => d.code === 'CARRIER_EVENT_INVALID'),
      { what: 'the invalid carrier event dead letter' },
    );
    expect(letter).toMatchObject({ stage: 'workbench', sourceTopic: Topic.CarrierEvents });
  });
});
