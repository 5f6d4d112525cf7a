/**
 * The demo driver (`npm run demo` → scripts/demo.sh → here). Everything goes through the public
 * interfaces: the watchlist admin API for lists, the gateway for manifests, the decisions topic
 * for the outcome.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DecisionMade, Outcome, OUTCOMES, Topic, WatchlistEntry } from '@paxscreen/contracts';
import { PaxlstTraveller, readMessage, writePaxlst, writeTd3Mrz } from '@paxscreen/edifact';
import { issueToken } from '@paxscreen/http';
import { createKafka, kafkaSettingsFromEnv, TopicReplayer } from '@paxscreen/kafka';
import { readListFile } from '@paxscreen/lists';
import { createDatabase, ensureDatabaseExists, postgresSettingsFromEnv } from '@paxscreen/postgres';
import type { RecordsDatabase } from '@paxscreen/records';
import { sql } from 'kysely';
import { createRedis, redisSettingsFromEnv } from '@paxscreen/redis';
import { readListFiles, testPaxlst, uploadList } from '@paxscreen/testing';

import { demoCurls, iapiSample } from './demo-curls';

const ROOT = join(__dirname, '..');
const GATEWAY = 'http://127.0.0.1:8080';
const WATCHLIST = 'http://127.0.0.1:8083';
const SCREENING = 'http://127.0.0.1:8082';
const RECORDS = 'http://127.0.0.1:8085';
const DASHBOARD = 'http://127.0.0.1:8084';
const CARRIERS = 'http://127.0.0.1:8087';
const CASEWORK = 'http://127.0.0.1:8086';
const WORKBENCH = 'http://127.0.0.1:8088';
/** The demo's records live in their own schema, emptied at each run. */
const DEMO_SCHEMA = 'demo';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/paxscreen';
const SAMPLES = join(ROOT, 'data', 'samples', 'manifests');
const AUTH = {
  AUTH_JWT_SECRET: randomBytes(24).toString('hex'),
  AUTH_JWT_ISSUER: 'paxscreen',
  AUTH_JWT_AUDIENCE: 'paxscreen',
};
const LISTS: { path: string; listId?: string }[] = [
  { path: 'data/lists/UN_consolidated.xml' },
  { path: 'data/lists/ofac_sdn_2021' },
  { path: 'data/samples/national-watchlist.csv', listId: 'NATIONAL' },
  { path: 'data/samples/lost-stolen-documents.csv', listId: 'SLTD' },
  { path: 'data/samples/enrolments.csv', listId: 'ENROLMENTS' },
  { path: 'data/rules/default.yaml' },
];

/** Every demo run starts from empty topics and keys under its own prefix. */
const DEMO_PREFIX = 'demo.';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (m: string) => console.error(`demo: ${m}`);

async function waitReady(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${url} did not become ready in ${timeoutMs / 1000}s`);
}

async function importList(path: string, listId: string | undefined, token: string): Promise<void> {
  const body = await uploadList(WATCHLIST, readListFiles(join(ROOT, path)), token, { listId });
  log(
    `list ${String(body.listId)} ${String(body.version)}: ${String(body.entries)} entries (+${String(body.added)} ~${String(body.changed)} -${String(body.removed)})`,
  );
}

/** Waits until the screening index holds what was imported (its /metrics gauge per list). */
async function waitIndexed(expected: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const text = await (await fetch(`${SCREENING}/metrics`)).text();
    const total = [...text.matchAll(/^paxscreen_list_entries\{[^}]*\} (\d+)/gm)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    if (total >= expected) return;
    await sleep(500);
  }
  throw new Error('the screening index did not catch up with the imported lists');
}

/** A manifest with true hits: UN-listed individuals as travellers, one stolen passport, one ABTC holder. */
async function hitsManifest(): Promise<Buffer> {
  const un = await readListFile(join(ROOT, 'data/lists/UN_consolidated.xml'));
  const listed = (un.entries as WatchlistEntry[])
    .filter(
      (e) =>
        e.kind === 'PERSON' &&
        e.datesOfBirth.some((d) => d.date?.length === 10) &&
        e.nationalities.length > 0,
    )
    .slice(0, 3);
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const travellers = [
    ...listed.map((e, i) => ({
      role: 'PASSENGER' as const,
      surname: e.names[0].surname ?? e.names[0].full.split(' ').pop()!,
      givenNames: e.names[0].givenNames ?? e.names[0].full.split(' ').slice(0, -1).join(' '),
      dateOfBirth: e.datesOfBirth.find((d) => d.date?.length === 10)!.date,
      gender: 'M' as const,
      nationality: e.nationalities[0],
      documents: [{ type: 'P', number: `XD00000${i}`, issuer: e.nationalities[0], expiry: '2031-01-01' }],
    })),
    {
      role: 'PASSENGER' as const,
      surname: 'BLAKE',
      givenNames: 'ROBIN',
      dateOfBirth: '1977-04-04',
      gender: 'F' as const,
      nationality: 'AUS',
      documents: [{ type: 'P', number: 'XA0000101', issuer: 'AUS', expiry: '2030-01-01' }],
    },
    {
      role: 'PASSENGER' as const,
      surname: 'TANAKA-REYES',
      givenNames: 'EMI',
      dateOfBirth: '1984-02-29',
      gender: 'F' as const,
      nationality: 'JPN',
      documents: [{ type: 'P', number: 'XJ0000201', issuer: 'JPN', expiry: '2030-01-01' }],
    },
    {
      role: 'PASSENGER' as const,
      surname: 'OKAFOR',
      givenNames: 'DAVID',
      dateOfBirth: '1990-09-09',
      gender: 'M' as const,
      nationality: 'NGA',
      documents: [{ type: 'P', number: 'XN0000999', issuer: 'NGA', expiry: '2030-01-01' }],
    },
  ];
  return Buffer.from(
    writePaxlst({
      sender: 'DEMOAIR',
      recipient: 'BORDER',
      controlRef: randomBytes(4).toString('hex').toUpperCase(),
      messageRef: '1',
      kind: 'PASSENGERS',
      flight: {
        carrier: 'XY',
        number: '0001',
        departure: { port: 'SIN', at: `${day(0)}T23:00` },
        arrival: { port: 'SYD', at: `${day(1)}T09:00` },
      },
      travellers,
    }),
  );
}

function mask(name: string): string {
  return name
    .split(' ')
    .map((w) => (w.length <= 1 ? w : `${w[0]}${'•'.repeat(Math.min(5, w.length - 1))}`))
    .join(' ');
}

/** Removes the previous demo run's topics and keys (only those under DEMO_PREFIX). */
async function resetDemoData(): Promise<void> {
  const env = { ...process.env, KAFKA_TOPIC_PREFIX: DEMO_PREFIX, REDIS_KEY_PREFIX: DEMO_PREFIX };
  const admin = createKafka(kafkaSettingsFromEnv(env), 'demo-reset').admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => t.startsWith(DEMO_PREFIX));
  if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  await admin.disconnect();
  await ensureDatabaseExists(DATABASE_URL);
  const db = createDatabase(
    postgresSettingsFromEnv({ DATABASE_URL, DATABASE_SCHEMA: DEMO_SCHEMA }),
    'paxscreen-demo-reset',
  );
  await sql`drop schema if exists ${sql.id(DEMO_SCHEMA)} cascade`.execute(db);
  // Casework keeps its tables in `<DATABASE_SCHEMA>_casework` (its own migration ledger).
  await sql`drop schema if exists ${sql.id(`${DEMO_SCHEMA}_casework`)} cascade`.execute(db);
  // And the workbench its alert subscriptions and deliveries in `<DATABASE_SCHEMA>_workbench`.
  await sql`drop schema if exists ${sql.id(`${DEMO_SCHEMA}_workbench`)} cascade`.execute(db);
  await db.destroy();
  const redis = createRedis(redisSettingsFromEnv(env), 'demo-reset');
  const keys = await redis.keys(`${DEMO_PREFIX}px:*`);
  for (let i = 0; i < keys.length; i += 500) await redis.unlink(...keys.slice(i, i + 500));
  redis.disconnect();
  // Topic deletion is asynchronous in Kafka: wait until the names are free again.
  for (let i = 0; i < 60; i++) {
    await admin.connect();
    const left = (await admin.listTopics()).filter((t) => t.startsWith(DEMO_PREFIX));
    await admin.disconnect();
    if (left.length === 0) return;
    await sleep(500);
  }
}

async function main(): Promise<void> {
  await resetDemoData();
  process.env.KAFKA_TOPIC_PREFIX = DEMO_PREFIX;
  process.env.REDIS_KEY_PREFIX = DEMO_PREFIX;
  const manifests: { file: string; bytes: Buffer }[] = readdirSync(SAMPLES)
    .filter((f) => !f.endsWith('.md'))
    .map((file) => ({ file, bytes: readFileSync(join(SAMPLES, file)) }));
  manifests.push({ file: '(generated) hits.edi', bytes: await hitsManifest() });
  // One demo API key per carrier of the samples; the gateway only ever sees their hashes.
  const keys = new Map<string, string>();
  const carrierOf = (bytes: Buffer) => readMessage(bytes).messages[0]?.manifest.carrier ?? 'XX';
  for (const m of manifests) {
    const c = carrierOf(m.bytes);
    if (!keys.has(c)) keys.set(c, `demo-${c}-${randomBytes(12).toString('hex')}`);
  }
  const spec = [...keys].map(([c, k]) => `${c}:${createHash('sha256').update(k).digest('hex')}`).join(',');
  // The generated flight lands in Sydney: this demo screens for Australia (ABTC pre-clearance).
  const env = {
    ...process.env,
    ...AUTH,
    GATEWAY_CARRIER_KEYS: spec,
    PNR_UNMASK_KEY: randomBytes(32).toString('hex'),
    SCREENING_HOME_ECONOMY: 'AUS',
    MULTIPART_TIMEOUT_SECONDS: '5',
    MULTIPART_SWEEP_SECONDS: '1',
    DATABASE_URL,
    DATABASE_SCHEMA: DEMO_SCHEMA,
    // The carriers watcher looks every second, and asks for the T-0 PNR push only: the demo's
    // flights are scheduled around now, and every earlier push would show as missing too.
    CARRIERS_WATCH_INTERVAL_MS: '1000',
    CARRIERS_PNR_OFFSETS_HOURS: '0',
    // The demo's workbench offers its development login (never set where real data lives).
    WORKBENCH_DEV_LOGIN: 'true',
  };
  execFileSync(join(__dirname, 'start-all.sh'), ['start'], { stdio: 'inherit', env });
  await Promise.all(
    [GATEWAY, WATCHLIST, SCREENING, RECORDS, CASEWORK, WORKBENCH, CARRIERS, 'http://127.0.0.1:8081'].map(
      (u) => waitReady(u),
    ),
  );

  const admin = await issueToken(AUTH, { subject: 'demo-admin', roles: ['admin'] });
  const started = Date.now();
  for (const l of LISTS) await importList(l.path, l.listId, admin);
  const catalogue = (await (
    await fetch(`${WATCHLIST}/v1/lists`, { headers: { authorization: `Bearer ${admin}` } })
  ).json()) as { kind: string; entries: number }[];
  await waitIndexed(catalogue.reduce((n, l) => n + l.entries, 0));
  log(`lists imported and indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const settings = kafkaSettingsFromEnv();
  const decisions: DecisionMade.Value[] = [];
  const reader = new TopicReplayer(
    createKafka(settings, 'demo'),
    settings,
    [Topic.Decisions],
    (records) => {
      for (const r of records)
        if (r.value) decisions.push(JSON.parse(r.value.toString('utf8')) as DecisionMade.Value);
    },
    'demo',
  );
  await reader.start();

  const rows: { file: string; receiptId: string; carrier: string; status: string; travellers: number }[] = [];
  for (const m of manifests) {
    const carrier = carrierOf(m.bytes);
    const key = keys.get(carrier)!;
    const res = await fetch(`${GATEWAY}/v1/messages`, {
      method: 'POST',
      body: m.bytes,
      headers: { 'content-type': 'application/edifact', 'x-api-key': key },
    });
    const body = (await res.json()) as { receiptId?: string; code?: string };
    rows.push({
      file: m.file,
      receiptId: body.receiptId ?? '',
      carrier,
      status: body.receiptId ? 'RECEIVED' : `HTTP ${res.status} ${body.code}`,
      travellers: 0,
    });
  }
  for (const row of rows.filter((r) => r.receiptId)) {
    for (let i = 0; i < 150; i++) {
      const receipt = (await (
        await fetch(`${GATEWAY}/v1/messages/${row.receiptId}`, {
          headers: { 'x-api-key': keys.get(row.carrier)! },
        })
      ).json()) as { status: string; counts?: { travellers: number } };
      row.status = receipt.status;
      row.travellers = receipt.counts?.travellers ?? 0;
      const decided = decisions.filter((d) => d.correlationId === row.receiptId).length;
      if (receipt.status === 'REJECTED' || (receipt.status === 'PARSED' && decided >= row.travellers)) break;
      await sleep(200);
    }
  }
  await reader.stop();

  console.log('\n## Manifests\n');
  console.log('| manifest | carrier | receipt | travellers | ' + OUTCOMES.join(' | ') + ' |');
  console.log('|---|---|---|---|' + OUTCOMES.map(() => '---').join('|') + '|');
  const totals = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const row of rows) {
    const mine = decisions.filter((d) => d.correlationId === row.receiptId);
    const counts = OUTCOMES.map((o) => mine.filter((d) => d.decision.outcome === o).length);
    OUTCOMES.forEach((o, i) => (totals[o] += counts[i]));
    console.log(
      `| ${row.file} | ${row.carrier} | ${row.status} | ${row.travellers} | ${counts.join(' | ')} |`,
    );
  }
  console.log(
    `\nTotal decisions: ${decisions.length} (${OUTCOMES.map((o) => `${o} ${totals[o]}`).join(', ')})`,
  );
  console.log('\n## Referred and not-to-board travellers (names masked)\n');
  for (const d of decisions
    .filter((x) => x.decision.outcome === 'REFER' || x.decision.outcome === 'NO_BOARD')
    .slice(0, 12)) {
    const r = d.decision.reasons[0];
    console.log(
      `- ${d.decision.outcome} ${mask(`${d.subject.givenNames} ${d.subject.surname}`)} (${d.flight.carrier}${d.flight.number}): ${r.kind} ${r.source.listId}/${r.source.entryId} — ${r.explanation}`,
    );
  }
  await showRecords(
    decisions,
    keys,
    rows.find((r) => !r.file.startsWith('(')),
    iapiSample(manifests, (c) => keys.has(c)),
  );
  await showCasework(decisions);
  await showCarriers(keys);
  console.log(`\nThe stack keeps running: OpenAPI at ${GATEWAY}/docs, metrics at ${GATEWAY}/metrics.`);
  console.log('Stop it with: scripts/start-all.sh stop && npm run stack:down');
  process.exit(0);
}

/**
 * The decisions as the system of record holds them (PostgreSQL, apps/records): waits until every
 * decision is filed, then shows one flight's manifest and a name search, and what a newcomer needs
 * to use the stack left running (a carrier key, staff tokens, one curl per interface).
 */
async function showRecords(
  decisions: DecisionMade.Value[],
  keys: Map<string, string>,
  sample: { file: string; carrier: string } | undefined,
  iapi: { file: string; carrier: string } | undefined,
): Promise<void> {
  const db = createDatabase<RecordsDatabase>(
    postgresSettingsFromEnv({ DATABASE_URL, DATABASE_SCHEMA: DEMO_SCHEMA }),
    'paxscreen-demo',
  );
  const wanted = new Set(decisions.map((d) => d.decision.decisionId)).size;
  let filed = 0;
  for (let i = 0; i < 150 && filed < wanted; i++) {
    filed = (
      await db
        .selectFrom('decisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    if (filed < wanted) await sleep(200);
  }
  // A PNR-derived traveller the parser filed in the PNR vault (`GET /v1/pnr/:id`).
  const pnr = await db.selectFrom('pnr_records').select('traveller_id').limit(1).executeTakeFirst();
  await db.destroy();
  const where = new URL(DATABASE_URL);
  const engine = process.env.PAXSCREEN_DEMO_PGLITE ? 'PGlite, embedded PostgreSQL in memory,' : 'PostgreSQL';
  console.log(`\n## Records (${engine} ${where.host}${where.pathname}, schema ${DEMO_SCHEMA})\n`);
  console.log(`Decisions filed: ${filed} of ${wanted}`);
  const officer = await issueToken(AUTH, { subject: 'demo-officer', roles: ['officer'] });
  const referred =
    decisions.find((d) => d.decision.outcome === 'NO_BOARD') ??
    decisions.find((d) => d.decision.outcome !== 'CLEAR') ??
    decisions[0];
  if (!referred) return;
  const f = referred.flight;
  const date = (f.departure.at ?? f.arrival.at ?? '').slice(0, 10);
  const manifestPath = `/v1/records/flights/${f.carrier}/${f.number}/${date}?reason=demo`;
  const manifest = (await (
    await fetch(`${RECORDS}${manifestPath}`, { headers: { authorization: `Bearer ${officer}` } })
  ).json()) as { items?: { outcome: string }[] };
  const outcomes = (manifest.items ?? []).map((r) => r.outcome);
  console.log(
    `Flight ${f.carrier}${f.number} on ${date}: ${outcomes.length} travellers, ${OUTCOMES.map((o) => `${o} ${outcomes.filter((x) => x === o).length}`).join(', ')}`,
  );
  const name = `${referred.subject.givenNames} ${referred.subject.surname}`;
  const search = (await (
    await fetch(`${RECORDS}/v1/records/search/names?limit=3&q=${encodeURIComponent(name)}`, {
      headers: { authorization: `Bearer ${officer}` },
    })
  ).json()) as {
    items?: { subject: { givenNames: string; surname: string }; outcome: string; score: number }[];
  };
  console.log(`Name search "${mask(name)}":`);
  for (const h of search.items ?? [])
    console.log(`- ${mask(`${h.subject.givenNames} ${h.subject.surname}`)} ${h.outcome} (score ${h.score})`);

  const carrier = sample?.carrier ?? [...keys.keys()][0];
  const key = keys.get(carrier)!;
  const tokens = await Promise.all(
    (['officer', 'analyst', 'supervisor', 'auditor', 'admin', 'operator'] as const).map(
      async (role) => [role, await issueToken(AUTH, { subject: `demo-${role}`, roles: [role] })] as const,
    ),
  );
  console.log('\n## Use the running stack (development credentials of this run)\n');
  console.log(`Carrier ${carrier} API key: ${key}`);
  for (const [role, token] of tokens) console.log(`Staff token (${role}, 8 h): ${token}`);
  const token = (role: string) => tokens.find(([r]) => r === role)![1];
  const doc = referred.subject.documents[0];
  const curls = demoCurls({
    urls: { gateway: GATEWAY, watchlist: WATCHLIST, records: RECORDS, dashboard: DASHBOARD },
    messages: { key, file: sample?.file ?? '<file>' },
    iapi: iapi && { key: keys.get(iapi.carrier)!, file: iapi.file },
    token,
    document: doc && {
      issuer: doc.issuer,
      number: doc.number,
      mrz:
        doc.issuer === undefined
          ? undefined
          : writeTd3Mrz({
              issuer: doc.issuer,
              documentNumber: doc.number,
              nationality: referred.subject.nationality,
              surname: referred.subject.surname,
              givenNames: referred.subject.givenNames,
              dateOfBirth: referred.subject.dateOfBirth,
              expiry: doc.expiry,
            }),
    },
    pnrTravellerId: pnr?.traveller_id,
    manifestPath,
  });
  console.log('\n```bash');
  for (const line of curls) console.log(line);
  console.log('```');
  await printWorkbench(tokens.find(([r]) => r === 'analyst')![1]);
}

/** Where the workbench is, how to sign in as the demo analyst, and what its queue holds. */
async function printWorkbench(analystToken: string): Promise<void> {
  console.log('\n## Workbench (analysts and officers)\n');
  console.log(`Open ${WORKBENCH}/ and choose "Sign in as analyst" (development login, demo only),`);
  console.log('or paste the analyst staff token above (`npx paxscreen token --role analyst` makes another).');
  try {
    const res = await fetch(`${WORKBENCH}/v1/casework/hits?limit=200`, {
      headers: { authorization: `Bearer ${analystToken}` },
    });
    const page = (await res.json()) as { items?: { status: string }[]; code?: string };
    if (!res.ok) throw new Error(page.code ?? `HTTP ${res.status}`);
    const items = page.items ?? [];
    console.log(
      `Its queue holds ${items.length} hit(s) from this run (${items.filter((h) => h.status === 'NEW').length} new).`,
    );
  } catch (err) {
    console.log(`Its queue is not available yet (${err instanceof Error ? err.message : String(err)}).`);
  }
}

/** The hit queue casework opened from the demo's referrals (apps/casework), as an analyst sees it. */
async function showCasework(decisions: DecisionMade.Value[]): Promise<void> {
  const analyst = await issueToken(AUTH, { subject: 'demo-analyst', roles: ['analyst'] });
  const referred = decisions.filter(
    (d) => d.decision.outcome === 'REFER' || d.decision.outcome === 'NO_BOARD',
  );
  let page: {
    items?: {
      priority: number;
      outcome: string;
      flight: { carrier: string; number: string };
      port: string;
      listIds: string[];
      traveller: { maskedName: string };
    }[];
  } = {};
  for (let i = 0; i < 50; i++) {
    page = (await (
      await fetch(`${CASEWORK}/v1/casework/hits?status=NEW&limit=200`, {
        headers: { authorization: `Bearer ${analyst}` },
      })
    ).json()) as typeof page;
    if ((page.items?.length ?? 0) > 0 && i > 5) break;
    await sleep(200);
  }
  const items = page.items ?? [];
  console.log(`\n## Casework (${CASEWORK}/docs): the hit queue\n`);
  console.log(`${items.length} hits open from ${referred.length} referrals, most urgent first:`);
  for (const h of items.slice(0, 8))
    console.log(
      `- priority ${h.priority} ${h.outcome} ${h.traveller.maskedName} on ${h.flight.carrier}${h.flight.number} to ${h.port} (${h.listIds.join(', ') || 'rules'})`,
    );
  console.log(`Analyst token (8 h): ${analyst}`);
  console.log(`curl -s -H "authorization: Bearer ${analyst}" '${CASEWORK}/v1/casework/hits?status=NEW'`);
}

const CREW: PaxlstTraveller[] = [
  {
    role: 'CREW',
    surname: 'PILOT',
    givenNames: 'DEMO',
    dateOfBirth: '1975-02-02',
    gender: 'F',
    nationality: 'GBR',
    documents: [{ type: 'P', number: 'XC0000901', issuer: 'GBR', expiry: '2031-01-01' }],
  },
];
const PASSENGER: PaxlstTraveller = { ...CREW[0], role: 'PASSENGER', surname: 'TRAVELLER' };

/**
 * Carriers (apps/carriers): a schedule of three flights of one sample carrier around now, from
 * Heathrow (UTC in winter, so local and UTC times agree): one departed three hours ago with no API
 * (MISSING), one leaving in 30 minutes whose lists come now, half an hour after their due time
 * (LATE), one leaving in three hours (on time). Then the staff page and the carrier's scorecard.
 */
async function showCarriers(keys: Map<string, string>): Promise<void> {
  const [carrier, key] = [...keys][0];
  const admin = await issueToken(AUTH, { subject: 'demo-admin', roles: ['admin'] });
  const supervisor = await issueToken(AUTH, {
    subject: 'demo-supervisor',
    roles: ['supervisor'],
    ttlSeconds: 8 * 3600,
  });
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  const flights = [
    { number: '0901', departure: new Date(minute - 180 * 60_000), send: false },
    { number: '0902', departure: new Date(minute + 30 * 60_000), send: true },
    { number: '0903', departure: new Date(minute + 180 * 60_000), send: true },
  ];
  const csv = [
    'carrier,flight_number,departure_date,origin,destination,departure_utc,arrival_utc',
    ...flights.map(
      (f) =>
        `${carrier},${f.number},${f.departure.toISOString().slice(0, 10)},LHR,JFK,${f.departure.toISOString()},`,
    ),
  ].join('\n');
  const imported = await fetch(`${CARRIERS}/v1/schedules`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${admin}`,
      'content-type': 'text/csv',
      'x-file-name': 'demo-schedule.csv',
    },
    body: csv,
  });
  if (!imported.ok) throw new Error(`schedule import refused: ${imported.status} ${await imported.text()}`);
  for (const [i, f] of flights.filter((x) => x.send).entries())
    for (const kind of ['PASSENGERS', 'CREW'] as const) {
      const at = f.departure.toISOString().slice(0, 16);
      const bytes = testPaxlst(
        carrier,
        `9${i}${kind === 'CREW' ? 1 : 0}`,
        kind === 'CREW' ? CREW : [PASSENGER],
        {
          kind,
          flight: { number: f.number, departure: { port: 'LHR', at }, arrival: { port: 'JFK', at } },
        },
      );
      await fetch(`${GATEWAY}/v1/messages`, {
        method: 'POST',
        body: bytes,
        headers: { 'content-type': 'application/edifact', 'x-api-key': key },
      });
    }
  const day = flights[0].departure.toISOString().slice(0, 10);
  const lastDay = flights[2].departure.toISOString().slice(0, 10);
  type Incident = { kind: string; state: string; flightNumber: string; obligation: string };
  let incidents: Incident[] = [];
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${CARRIERS}/v1/carriers/incidents?from=${day}&to=${lastDay}`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    incidents = ((await res.json()) as { incidents: Incident[] }).incidents;
    // Wait for the story the schedule tells: the departed flight's API missing, and both of the
    // next flight's lists (passengers and crew) late; a list still on its way shows as MISSING.
    const missing = incidents.some((x) => x.kind === 'MISSING' && x.flightNumber === flights[0].number);
    const late = incidents.filter((x) => x.kind === 'LATE' && x.flightNumber === flights[1].number);
    if (missing && late.length >= 2) break;
    await sleep(300);
  }
  console.log('\n## Carriers: expected flights, missing and late submissions\n');
  console.log('| flight | obligation | kind | state |');
  console.log('|---|---|---|---|');
  for (const x of incidents)
    console.log(`| ${carrier}${x.flightNumber} | ${x.obligation} | ${x.kind} | ${x.state} |`);
  const card = (await (
    await fetch(`${CARRIERS}/v1/carrier/scorecards/${carrier}?from=${day}&to=${lastDay}`, {
      headers: { 'x-api-key': key },
    })
  ).json()) as {
    messages: { total: number };
    travellers: number;
    timeliness: { onTime: number; late: number; missing: number };
  };
  console.log(
    `\n${carrier}'s own scorecard (its API key): ${card.messages.total} messages, ${card.travellers} travellers, ` +
      `on time ${card.timeliness.onTime}, late ${card.timeliness.late}, missing ${card.timeliness.missing}`,
  );
  console.log(`\nStaff page: ${CARRIERS}/#day=${day}&token=${supervisor}`);
  console.log('```bash');
  console.log(
    `curl -s -H 'x-api-key: ${key}' '${CARRIERS}/v1/carrier/scorecards/${carrier}?from=${day}&to=${lastDay}'`,
  );
  console.log(
    `curl -s -H "authorization: Bearer ${supervisor}" '${CARRIERS}/v1/carriers/scorecards.csv?from=${day}&to=${lastDay}'`,
  );
  console.log('```');
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
