import {
  Alert,
  Audit,
  DecisionMade,
  Disposition,
  type HitDetail,
  type HitPage,
  type HitSummary,
  type Lookout,
  Topic,
} from '@paxscreen/contracts';
import { createKafka, EventProducer, kafkaSettingsFromEnv } from '@paxscreen/kafka';
import { testSchema, waitFor } from '@paxscreen/testing';

import { CASEWORK_LIST, caseworkManifest as manifest } from './support/casework-scenario';
import { TestStack } from './support/stack';
import { TopicReader } from './support/topic-reader';

/** What the casework API answers, loosely: each test reads the fields its call returns. */
interface Answer extends Partial<HitSummary> {
  code?: string;
  current?: HitSummary;
  hit?: HitSummary;
  lookout?: Lookout;
  dispositionId?: string;
  items?: Lookout[];
}

describe('casework: decisions → hits → claim → dispositions → remembered false positives, lookouts at the port', () => {
  const schema = testSchema('casework');
  const stack = TestStack.create('casework', ['ZZ'], {
    DATABASE_URL: schema.databaseUrl,
    CASEWORK_DATABASE_SCHEMA: schema.schema,
    CASEWORK_SCAN_MS: '500',
  });
  let decisions: TopicReader;
  let dispositions: TopicReader;
  let alerts: TopicReader;
  let audit: TopicReader;
  let casework: string;

  const call = async (method: string, path: string, role: string, subject: string, body?: unknown) => {
    const token = await stack.token(role as 'analyst', subject);
    const res = await fetch(`${casework}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Answer };
  };
  const queue = async () =>
    (await call('GET', '/v1/casework/hits?flight=ZZ100', 'analyst', 'ana')).body as unknown as HitPage;
  const detail = async (hitId: string) =>
    (await call('GET', `/v1/casework/hits/${hitId}`, 'analyst', 'ana')).body as unknown as HitDetail;
  const decisionOf = (receiptId: string, surname: string) =>
    decisions
      .json<DecisionMade.Value>()
      .find((d) => d.correlationId === receiptId && d.subject.surname === surname);

  beforeAll(async () => {
    await stack.start('watchlist');
    await stack.importList('national.csv', CASEWORK_LIST, 'NATIONAL');
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    await stack.start('casework');
    casework = await stack.url('casework');
    decisions = await new TopicReader(stack.prefix, Topic.Decisions).start();
    dispositions = await new TopicReader(stack.prefix, Topic.Dispositions).start();
    alerts = await new TopicReader(stack.prefix, Topic.Alerts).start();
    audit = await new TopicReader(stack.prefix, Topic.Audit).start();
  });

  afterAll(async () => {
    for (const r of [decisions, dispositions, alerts, audit]) await r?.stop();
    await stack.close();
    await schema.drop();
  });

  it('runs the loop: both hits queued, claim race, refusals, FALSE_POSITIVE remembered, LOOKOUT at the port, encounter', async () => {
    const first = await stack.submit('ZZ', manifest('000001'));
    const page = await waitFor(async () => ((await queue()).items.length >= 2 ? queue() : undefined), {
      what: 'two hits',
    });
    expect(page.items).toHaveLength(2);
    const byName = (initial: string) => page.items.find((h) => h.traveller.maskedName.startsWith(initial))!;
    const trueHit = byName('K');
    const falseHit = byName('L');
    expect(trueHit).toMatchObject({
      status: 'NEW',
      version: 1,
      port: 'SYD',
      listIds: ['NATIONAL'],
      traveller: { nationality: 'FIN', birthYear: '1971' },
    });
    expect(JSON.stringify(page)).not.toMatch(/KARVONEN|LINDQVIST|XF1111111/);
    // The flight lands within ALERT_WINDOW_HOURS: each hit was announced, with no personal data.
    await waitFor(
      () => alerts.json<Alert.Value>().filter((a) => a.kind === 'HIT_NEAR_ARRIVAL').length >= 2 || undefined,
      { what: 'near-arrival alerts' },
    );
    expect(
      alerts.json<Alert.Value>().find((a) => a.hitId === falseHit.hitId && a.kind === 'HIT_NEAR_ARRIVAL')
        ?.summary,
    ).toMatch(/^(REFER|NO_BOARD) on ZZ100 arriving SYD in [23] h, list NATIONAL$/);

    // At-least-once delivery, exactly-once effect: a redelivered decision changes nothing.
    const original = decisionOf(String(first.body.receiptId), 'LINDQVIST')!;
    const settings = kafkaSettingsFromEnv(stack.env);
    const producer = new EventProducer(createKafka(settings, 'casework-e2e'), settings);
    await producer.connect();
    await producer.send(Topic.Decisions, [{ key: DecisionMade.key(original), value: original }]);
    await producer.disconnect();

    // Two analysts claim the same hit at once: exactly one holds it, the other learns who.
    const race = await Promise.all([
      call('POST', `/v1/casework/hits/${falseHit.hitId}/claim`, 'analyst', 'ana', { version: 1 }),
      call('POST', `/v1/casework/hits/${falseHit.hitId}/claim`, 'analyst', 'bob', { version: 1 }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const lost = race.find((r) => r.status === 409)!.body;
    expect(['ALREADY_CLAIMED', 'STALE_VERSION']).toContain(lost.code);
    expect(lost.current).toMatchObject({ hitId: falseHit.hitId, status: 'IN_REVIEW', version: 2 });
    const holder = race.find((r) => r.status === 200)!.body.claimedBy!;
    expect((await call('GET', '/v1/casework/hits/H000', 'analyst', 'ana')).body.code).toBe('HIT_NOT_FOUND');

    const held = await detail(falseHit.hitId);
    const reasonKey = held.reasons[0].reasonKey;
    expect(held.reasons[0]).toMatchObject({ listId: 'NATIONAL', entryId: 'NWL-7', entryVersion: 'v1' });
    // Side by side with the entry: the listed values, and no "differs" for a field the entry lacks.
    // The listed birth date would give the traveller's away: it waits for the (audited) opening.
    const compared = (d: HitDetail) => d.reasons[0].fields.map((f) => [f.field, f.entry, f.comparison]);
    expect(compared(held)).toEqual([
      ['name', 'Mattias LINDQVIST', 'AGREES'],
      ['dateOfBirth', undefined, 'AGREES'],
      ['nationality', 'SWE', 'AGREES'],
      ['document', undefined, 'NOT_LISTED'],
    ]);
    const opened = (await call('GET', `/v1/casework/hits/${falseHit.hitId}?open=true`, 'analyst', 'ana'))
      .body as unknown as HitDetail;
    expect(compared(opened)[1]).toEqual(['dateOfBirth', '1982-06-30', 'AGREES']);
    const dispose = (who: string, role: string, body: Record<string, unknown>) =>
      call('POST', `/v1/casework/hits/${falseHit.hitId}/disposition`, role, who, {
        version: 2,
        reasons: [{ reasonKey, verdict: 'FALSE_POSITIVE' }],
        outcome: 'CLEARED',
        ...body,
      });
    expect(await dispose(holder, 'analyst', {})).toMatchObject({
      status: 400,
      body: { code: 'NOTE_REQUIRED' },
    });
    expect(
      await dispose(holder, 'analyst', { outcome: 'DENY_BOARDING', note: 'x', legalBasis: 'Act s.1' }),
    ).toMatchObject({
      status: 403,
      body: { code: 'SUPERVISOR_REQUIRED' },
    });
    const cleared = await dispose(holder, 'analyst', {
      note: 'namesake: other birthplace, passport history checked',
    });
    expect(cleared).toMatchObject({ status: 200, body: { hit: { status: 'DECIDED', version: 3 } } });

    // The verdict is remembered: published, then the re-sent manifest decides CLEAR and says why.
    await waitFor(
      () =>
        dispositions.json<Disposition.Value>().find((d) => d.dispositionId === cleared.body.dispositionId),
      {
        what: 'the disposition on its topic',
      },
    );
    await new Promise((r) => setTimeout(r, 1000)); // screening's replayer polls every 100 ms
    const again = await stack.submit('ZZ', manifest('000002'));
    const second = await waitFor(() => decisionOf(String(again.body.receiptId), 'LINDQVIST'), {
      what: 'the re-sent decision',
    });
    expect(second.decision.outcome).toBe('CLEAR');
    expect(second.decision.reasons[0]).toMatchObject({
      action: 'CLEAR',
      source: { listId: 'NATIONAL', entryId: 'NWL-7' },
    });
    expect(second.decision.reasons[0].explanation).toMatch(
      new RegExp(
        `^suppressed by disposition ${cleared.body.dispositionId} \\(${holder}, \\d{4}-\\d{2}-\\d{2}\\)`,
      ),
    );
    const trueAgain = await waitFor(() => decisionOf(String(again.body.receiptId), 'KARVONEN'), {
      what: 'the true hit again',
    });
    expect(['REFER', 'NO_BOARD']).toContain(trueAgain.decision.outcome);
    // The false hit stays decided; its history holds each decision once (the redelivery was a no-op).
    const afterwards = await waitFor(
      async () => {
        const d = await detail(falseHit.hitId);
        return d.decisions.length >= 2 ? d : undefined;
      },
      { what: 'the re-sent decision on the hit' },
    );
    expect(afterwards.decisions.map((d) => d.outcome)).toEqual([original.decision.outcome, 'CLEAR']);
    expect(afterwards).toMatchObject({ status: 'DECIDED', reasons: [{ verdict: 'FALSE_POSITIVE' }] });
    expect((await queue()).items).toHaveLength(2);

    // LOOKOUT on the true hit (decided without a claim by a supervisor): the port look-up shows it first.
    const trueNow = await detail(trueHit.hitId);
    const lookout = await call(
      'POST',
      `/v1/casework/hits/${trueHit.hitId}/disposition`,
      'supervisor',
      'sue',
      {
        version: trueNow.version,
        reasons: trueNow.reasons.map((r) => ({ reasonKey: r.reasonKey, verdict: 'TRUE_MATCH' })),
        outcome: 'LOOKOUT',
        note: 'listed person; refer at primary line',
      },
    );
    expect(lookout).toMatchObject({
      status: 200,
      body: { lookout: { port: 'SYD', status: 'OPEN', documentKeys: ['FIN:XF1111111'] } },
    });
    const lookoutId = lookout.body.lookout!.lookoutId;
    const atPort = await call('GET', '/v1/casework/lookouts?port=SYD', 'officer', 'olly');
    expect(atPort.body.items!.map((l) => l.lookoutId)).toEqual([lookoutId]);
    const officer = await stack.token('officer', 'olly');
    const poe = await fetch(`${await stack.url('gateway')}/v1/poe/documents/FIN/XF1111111`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    const poeBody = (await poe.json()) as { lookouts: Lookout[] };
    expect(poe.status).toBe(200);
    expect(Object.keys(poeBody)[0]).toBe('lookouts');
    expect(poeBody.lookouts[0]).toMatchObject({
      lookoutId,
      hitId: trueHit.hitId,
      reason: 'listed person; refer at primary line',
    });

    // The officer's encounter closes the lookout and the hit, alerts, and takes it off the hot path.
    expect(
      (
        await call('POST', `/v1/casework/lookouts/${lookoutId}/encounter`, 'analyst', 'ana', {
          result: 'POSITIVE',
        })
      ).status,
    ).toBe(403);
    const met = await call('POST', `/v1/casework/lookouts/${lookoutId}/encounter`, 'officer', 'olly', {
      result: 'POSITIVE',
      note: 'held at desk 4',
    });
    expect(met).toMatchObject({
      status: 200,
      body: { lookout: { status: 'CLOSED', result: 'POSITIVE' }, hit: { status: 'CLOSED' } },
    });
    await waitFor(
      () =>
        alerts.json<Alert.Value>().find((a) => a.kind === 'LOOKOUT_ENCOUNTER' && a.hitId === trueHit.hitId),
      { what: 'the encounter alert' },
    );
    const poeAfter = (await (
      await fetch(`${await stack.url('gateway')}/v1/poe/documents/FIN/XF1111111`, {
        headers: { authorization: `Bearer ${officer}` },
      })
    ).json()) as Record<string, unknown>;
    expect(poeAfter.lookouts).toBeUndefined();

    // Every action was audited, with who and why.
    const actions = await waitFor(
      () => {
        const a = audit
          .json<Audit.Value>()
          .filter((e) => e.target === falseHit.hitId || e.target === trueHit.hitId);
        return a.some((e) => e.action === 'LOOKOUT_ENCOUNTER') ? a : undefined;
      },
      { what: 'the audit records' },
    );
    expect(actions.find((a) => a.action === 'HIT_DISPOSITION' && a.target === falseHit.hitId)).toMatchObject({
      actor: holder,
      details: { reason: 'namesake: other birthplace, passport history checked', outcome: 'CLEARED' },
    });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['HIT_CLAIM', 'CASEWORK_HIT_VIEW', 'LOOKOUT_CREATED']),
    );
  });
});
