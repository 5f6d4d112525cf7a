import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DecisionMade, Topic } from '@paxscreen/contracts';
import { PaxlstTraveller, writeTd3Mrz } from '@paxscreen/edifact';
import { createLogger, LOGGER, type Logger } from '@paxscreen/observability';
import { dayFromToday, testPaxlst, testSchema, waitFor } from '@paxscreen/testing';

import { AppName, TestStack } from './support/stack';
import { TopicReader } from './support/topic-reader';

/**
 * Personal data never reaches a log line. Every app runs at LOG_LEVEL=debug writing to its own
 * LOG_FILE while the whole flow runs (lists imported, manifests submitted as PAXLST, JSON and
 * PNRGOV, decisions made, port-of-entry look-ups by document and MRZ, an iAPI call, rejected
 * messages); then every log line, and everything written to stdout, stderr and the console
 * meanwhile, is scanned for each name, document number, birth date and contact the test sent,
 * in every format it was sent in. A hit names the file, line and field, never the value.
 */

/** One person the test sends somewhere; every value is made up and distinctive enough to search for. */
interface Person {
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  documentNumber: string;
  nationality: string;
  contact?: string;
}

const PEOPLE = {
  watchlisted: {
    surname: 'QUORVATH',
    givenNames: 'ZENOBIA ILSEMARIE',
    dateOfBirth: '1971-03-14',
    documentNumber: 'XF4410092',
    nationality: 'FIN',
  },
  stolenDocument: {
    surname: 'SMYTHERINGALE',
    givenNames: 'ANNALISETTE',
    dateOfBirth: '1985-07-01',
    documentNumber: 'XQ7730041',
    nationality: 'AUS',
  },
  enrolled: {
    surname: 'BRANDQUISTOVA',
    givenNames: 'SAMUELINO JAMESON',
    dateOfBirth: '1966-12-01',
    documentNumber: 'XU9920417',
    nationality: 'USA',
  },
  jsonTraveller: {
    surname: 'VELLACOTTERIN',
    givenNames: 'PRIMROSETTA',
    dateOfBirth: '1990-10-20',
    documentNumber: 'XJ5550123',
    nationality: 'GBR',
  },
  pnrTraveller: {
    surname: 'ACKERVILLION',
    givenNames: 'CHARLESTONIO',
    dateOfBirth: '1977-07-14',
    documentNumber: 'XP6021209',
    nationality: 'GBR',
    contact: 'charlestonio.ackervillion',
  },
  iapiTraveller: {
    surname: 'OKONKWORIDGE',
    givenNames: 'TEMPERANCIA',
    dateOfBirth: '1979-11-30',
    documentNumber: 'XN3310077',
    nationality: 'NGA',
  },
  rejectedJson: {
    surname: 'FAULKNERIDES',
    givenNames: 'DESDEMONICA',
    dateOfBirth: '1955-05-05',
    documentNumber: 'XR8880011',
    nationality: 'IRL',
  },
  rejectedEdifact: {
    surname: 'PEMBERTONIQUE',
    givenNames: 'AUGUSTINOLA',
    dateOfBirth: '1962-09-09',
    documentNumber: 'XR7770022',
    nationality: 'DEU',
  },
  listedOnly: {
    surname: 'THORNWALDSEN',
    givenNames: 'EVANGELINOS',
    dateOfBirth: '1949-01-31',
    documentNumber: 'XL1112223',
    nationality: 'NOR',
  },
} satisfies Record<string, Person>;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** A birth date in every format the test sends one: ISO, EDIFACT (CCYYMMDD), MRZ (YYMMDD), PNR (DDMMMYY). */
function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  return [iso, `${y}${m}${d}`, `${y.slice(2)}${m}${d}`, `${d}${MONTHS[Number(m) - 1]}${y.slice(2)}`];
}

/** What must never appear: [kind of value, the value] (searched case-insensitively, as a whole token). */
function needles(): { label: string; value: string }[] {
  return Object.entries(PEOPLE).flatMap(([who, p]: [string, Person]) => [
    ...p.surname.split(' ').map((value) => ({ label: `${who}.surname`, value })),
    ...p.givenNames.split(' ').map((value) => ({ label: `${who}.givenNames`, value })),
    { label: `${who}.documentNumber`, value: p.documentNumber },
    ...dateForms(p.dateOfBirth).map((value) => ({ label: `${who}.dateOfBirth`, value })),
    ...(p.contact ? [{ label: `${who}.contact`, value: p.contact }] : []),
  ]);
}

const day = dayFromToday;

const paxlstTraveller = (p: Person): PaxlstTraveller => ({
  role: 'PASSENGER',
  surname: p.surname,
  givenNames: p.givenNames,
  dateOfBirth: p.dateOfBirth,
  gender: 'F',
  nationality: p.nationality,
  documents: [{ type: 'P', number: p.documentNumber, issuer: p.nationality, expiry: '2031-01-01' }],
});

const paxlst = (travellers: Person[], controlRef: string) =>
  testPaxlst('ZZ', controlRef, travellers.map(paxlstTraveller), { flight: { number: '0310' } });

/** A TD3 MRZ with correct check digits. */
const td3 = (p: Person): string =>
  writeTd3Mrz({
    issuer: p.nationality,
    documentNumber: p.documentNumber,
    nationality: p.nationality,
    surname: p.surname,
    givenNames: p.givenNames,
    dateOfBirth: p.dateOfBirth,
    sex: 'F',
    expiry: '2031-01-01',
  })!.join('\n');

function jsonManifest(p: Person, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'paxscreen.manifest',
    version: 1,
    messageId: 'ZZ0311-LOGS',
    kind: 'PASSENGERS',
    flight: {
      carrier: 'ZZ',
      number: '311',
      departure: { port: 'CDG', at: `${day(0)}T09:00` },
      arrival: { port: 'JFK' },
    },
    travellers: [
      {
        surname: p.surname,
        givenNames: p.givenNames,
        dateOfBirth: p.dateOfBirth,
        gender: 'F',
        nationality: p.nationality,
        documents: [{ type: 'P', number: p.documentNumber, issuer: p.nationality, mrz: td3(p).split('\n') }],
      },
    ],
    ...extra,
  });
}

/** A PNRGOV push (GTAS sample layout) for one passenger with an SSR DOCS and an e-mail contact. */
function pnrgov(p: Person): string {
  const [y, m, d] = p.dateOfBirth.split('-');
  const dob = `${d}${MONTHS[Number(m) - 1]}${y.slice(2)}`;
  const given = p.givenNames.split(' ')[0];
  return [
    `UNB+IATA:1+UA++${day(0).slice(2).replace(/-/g, '')}:1120+361553663005'`,
    `UNH+1+PNRGOV:13:1:IA+123456789'`,
    `MSG+:22'`,
    `ORG+UA:DJE+55107'`,
    `TVL+${day(1).slice(2).split('-').reverse().join('')}:1220:1505+FRA+IAD+UA+988'`,
    `EQN+1'`,
    `SRC'`,
    `RCI+UA:06A9FD:110418:1220'`,
    `TIF+${p.surname}+${given}MR:A:1'`,
    `IFT+4:28::YY+CTCE ${p.contact?.toUpperCase()}//EXAMPLE.ORG'`,
    `SSR+DOCS:HK::DL:::::/P/${p.nationality}/${p.documentNumber}//${dob}/M/30JAN31/${p.surname}/${given}'`,
    `TVL+${day(1).slice(2).split('-').reverse().join('')}:1220::1505+FRA+IAD+UA+988:B'`,
    `UNT+12+1'`,
    `UNZ+1+3615536630'`,
  ].join('\n');
}

const NATIONAL_LIST = (l: Person, o: Person) =>
  `id,kind,surname,given_names,dates_of_birth,nationalities,gender,programs
NWL-1,PERSON,${l.surname},${l.givenNames},${l.dateOfBirth},${l.nationality},F,TRAVEL_BAN
NWL-2,PERSON,${o.surname},${o.givenNames},${o.dateOfBirth},${o.nationality},M,TRAVEL_BAN
`;
const LOST_STOLEN = (p: Person, o: Person) => `id,document_number,issuer,document_type,status,reported_on
LSD-1,${p.documentNumber},${p.nationality},P,STOLEN,2024-01-15
LSD-2,${o.documentNumber},${o.nationality},P,LOST,2024-02-15
`;
const ENROLMENTS = (p: Person) =>
  `id,programme,kind,card_number,surname,given_names,date_of_birth,nationality,document_number,document_issuer,valid_from,valid_to,pre_cleared_economies
ENR-1,GLOBAL_ENTRY,TTP,XGE1,${p.surname},${p.givenNames},${p.dateOfBirth},${p.nationality},${p.documentNumber},${p.nationality},2022-08-01,2030-07-31,USA
`;

const APPS: AppName[] = ['watchlist', 'screening', 'parser', 'gateway', 'casework'];

describe('no personal data in logs (every app at debug level, the whole flow)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paxscreen-logs-'));
  const controlDir = mkdtempSync(join(tmpdir(), 'paxscreen-logs-control-'));
  const schema = testSchema('log-privacy');
  const stack = TestStack.create('log-privacy', ['ZZ', 'UA'], {
    DATABASE_URL: schema.databaseUrl,
    CASEWORK_DATABASE_SCHEMA: schema.schema,
    LOG_LEVEL: 'debug',
    IAPI_TIMEOUT_MS: '5000',
    POE_SCREEN_TIMEOUT_MS: '5000',
  });
  const captured: string[] = [];
  const restore: (() => void)[] = [];

  /** Everything written to stdout, stderr or the console while the flow runs is kept (and not shown). */
  function capture(): void {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array) => {
        captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      }) as typeof stream.write;
      restore.push(() => (stream.write = original));
    }
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        captured.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      });
      restore.push(() => spy.mockRestore());
    }
  }

  let decisions: TopicReader;
  let dlq: TopicReader;
  const statuses: Record<string, number> = {};
  const levels: Record<string, string> = {};

  beforeAll(async () => {
    capture();
    try {
      for (const app of APPS) await stack.start(app, app, { LOG_FILE: join(dir, `${app}.log`) });
      await stack.importList(
        'national.csv',
        NATIONAL_LIST(PEOPLE.watchlisted, PEOPLE.listedOnly),
        'NATIONAL',
      );
      await stack.importList(
        'lost-stolen.csv',
        LOST_STOLEN(PEOPLE.stolenDocument, PEOPLE.listedOnly),
        'SLTD',
      );
      await stack.importList('enrolments.csv', ENROLMENTS(PEOPLE.enrolled), 'TTP');
      decisions = await new TopicReader(stack.prefix, Topic.Decisions).start();
      dlq = await new TopicReader(stack.prefix, Topic.DeadLetter).start();
      await runTheFlow();
    } finally {
      for (const app of APPS) {
        const logger = stack.apps.get(app)?.get<Logger>(LOGGER);
        if (logger) levels[app] = logger.level;
        await new Promise<void>((r) => (logger ? logger.flush(() => r()) : r()));
      }
      await decisions?.stop();
      await dlq?.stop();
      await stack.close();
      restore.reverse().forEach((undo) => undo());
    }
  });

  afterAll(async () => {
    await schema.drop();
    for (const folder of [dir, controlDir]) rmSync(folder, { recursive: true, force: true });
  });

  async function runTheFlow(): Promise<void> {
    const gateway = await stack.url('gateway');
    const officer = { authorization: `Bearer ${await stack.token('officer')}` };
    const carrier = (code: string) => ({ 'x-api-key': stack.keys.get(code)! });
    const record = (what: string, status: number) => (statuses[what] = status);

    const edifact = await stack.submit(
      'ZZ',
      paxlst([PEOPLE.watchlisted, PEOPLE.stolenDocument, PEOPLE.enrolled], '900'),
    );
    const json = await stack.submit('ZZ', jsonManifest(PEOPLE.jsonTraveller));
    const pnr = await stack.submit('UA', pnrgov(PEOPLE.pnrTraveller));
    record('paxlst', edifact.status);
    record('json', json.status);
    record('pnrgov', pnr.status);

    // Rejected: a JSON manifest without its flight, and an interchange that is not PAXLST or PNRGOV.
    const badJson = await stack.submit('ZZ', jsonManifest(PEOPLE.rejectedJson, { flight: undefined }));
    const badEdifact = await stack.submit(
      'ZZ',
      paxlst([PEOPLE.rejectedEdifact], '901').replace('PAXLST:D:05B', 'CUSRES:D:05B'),
    );
    record('rejected json', badJson.status);
    record('rejected edifact', badEdifact.status);

    const ids = [edifact, json, pnr].map((r) => String(r.body.receiptId));
    await waitFor(
      () => {
        const found = decisions.json<DecisionMade.Value>().filter((d) => ids.includes(d.correlationId));
        return found.length >= 5 ? found : undefined;
      },
      { timeoutMs: 60_000, what: 'decisions for the PAXLST, JSON and PNRGOV travellers' },
    );
    await waitFor(
      () =>
        dlq
          .json<{ correlationId: string }>()
          .filter((d) => [badJson, badEdifact].some((b) => b.body.receiptId === d.correlationId)).length >= 2
          ? true
          : undefined,
      { what: 'the two rejected messages dead-lettered' },
    );
    for (const [who, r] of [
      ['paxlst', edifact],
      ['json', json],
      ['pnrgov', pnr],
      ['rejected json', badJson],
      ['rejected edifact', badEdifact],
    ] as const)
      record(
        `receipt ${who}`,
        (
          await fetch(`${gateway}/v1/messages/${String(r.body.receiptId)}`, {
            headers: carrier(who === 'pnrgov' ? 'UA' : 'ZZ'),
          })
        ).status,
      );

    // Port of entry: by document (advance data, with the birth date) and by a scanned MRZ; one with a bad check digit.
    const w = PEOPLE.watchlisted;
    record(
      'poe document',
      (
        await fetch(
          `${gateway}/v1/poe/documents/${w.nationality}/${w.documentNumber}?dateOfBirth=${w.dateOfBirth}`,
          { headers: officer },
        )
      ).status,
    );
    record(
      'poe mrz',
      (
        await fetch(`${gateway}/v1/poe/mrz`, {
          method: 'POST',
          body: td3(PEOPLE.stolenDocument),
          headers: { ...officer, 'content-type': 'text/plain' },
        })
      ).status,
    );
    const broken = td3(PEOPLE.enrolled).replace(/(\n.{19})\d/, '$1X');
    record(
      'poe bad mrz',
      (
        await fetch(`${gateway}/v1/poe/mrz`, {
          method: 'POST',
          body: broken,
          headers: { ...officer, 'content-type': 'text/plain' },
        })
      ).status,
    );

    // iAPI: answered per traveller, and once as CUSRES.
    const iapiBody = paxlst([PEOPLE.iapiTraveller], '902');
    record(
      'iapi',
      (
        await fetch(`${gateway}/v1/iapi`, {
          method: 'POST',
          body: iapiBody,
          headers: { ...carrier('ZZ'), 'content-type': 'application/edifact' },
        })
      ).status,
    );
    record(
      'iapi cusres',
      (
        await fetch(`${gateway}/v1/iapi`, {
          method: 'POST',
          body: iapiBody,
          headers: { ...carrier('ZZ'), accept: 'application/edifact' },
        })
      ).status,
    );
    // And refused requests that carry personal data: another carrier's key, a malformed body.
    record(
      'iapi other carrier',
      (
        await fetch(`${gateway}/v1/iapi`, {
          method: 'POST',
          body: iapiBody,
          headers: { ...carrier('UA'), 'content-type': 'application/edifact' },
        })
      ).status,
    );
    record(
      'iapi malformed',
      (
        await fetch(`${gateway}/v1/iapi`, {
          method: 'POST',
          body: jsonManifest(PEOPLE.iapiTraveller, { kind: 'NOT A KIND' }),
          headers: carrier('ZZ'),
        })
      ).status,
    );

    // Casework: the queue, a record opened, a note, a refused and an accepted disposition (LOOKOUT).
    const casework = await stack.url('casework');
    const analyst = { authorization: `Bearer ${await stack.token('analyst')}` };
    const queue = await waitFor(
      async () => {
        const page = (await (await fetch(`${casework}/v1/casework/hits`, { headers: analyst })).json()) as {
          items: { hitId: string; version: number }[];
        };
        return page.items.length > 0 ? page : undefined;
      },
      { what: 'a hit in the queue' },
    );
    const hit = queue.items[0];
    const opened = await fetch(`${casework}/v1/casework/hits/${hit.hitId}?open=true&reason=log-privacy`, {
      headers: analyst,
    });
    record('casework open', opened.status);
    const reasons = ((await opened.json()) as { reasons: { reasonKey: string }[] }).reasons;
    const post = (path: string, body: unknown) =>
      fetch(`${casework}/v1/casework/hits/${hit.hitId}/${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { ...analyst, 'content-type': 'application/json' },
      });
    record(
      'casework note',
      (await post('notes', { text: `checked ${w.surname} ${w.documentNumber}` })).status,
    );
    const decide = {
      version: hit.version,
      reasons: reasons.map((r) => ({ reasonKey: r.reasonKey, verdict: 'TRUE_MATCH' })),
    };
    record('casework no note', (await post('disposition', { ...decide, outcome: 'LOOKOUT' })).status);
    record(
      'casework lookout',
      (
        await post('disposition', {
          ...decide,
          outcome: 'LOOKOUT',
          note: `refer ${w.givenNames}, born ${w.dateOfBirth}`,
        })
      ).status,
    );
  }

  it('ran the whole flow (so that the scan below is not vacuous)', () => {
    expect(statuses).toEqual({
      paxlst: 202,
      json: 202,
      pnrgov: 202,
      'rejected json': 202,
      'rejected edifact': 202,
      'receipt paxlst': 200,
      'receipt json': 200,
      'receipt pnrgov': 200,
      'receipt rejected json': 200,
      'receipt rejected edifact': 200,
      'poe document': 200,
      'poe mrz': 201,
      'poe bad mrz': 422,
      iapi: 200,
      'iapi cusres': 200,
      'iapi other carrier': 403,
      'iapi malformed': 422,
      'casework open': 200,
      'casework note': 201,
      'casework no note': 400,
      'casework lookout': 200,
    });
    // Every app logged to its file at debug level (any debug line anywhere would have been written).
    expect(levels).toEqual(Object.fromEntries(APPS.map((app) => [app, 'debug'])));
    for (const app of APPS) {
      const lines = readFileSync(join(dir, `${app}.log`), 'utf8')
        .split('\n')
        .filter(Boolean);
      expect(lines.length).toBeGreaterThan(10);
      expect(lines.every((l) => (JSON.parse(l) as { service: string }).service === app)).toBe(true);
    }
  });

  it('finds no name, document number, birth date or contact in any log line, stdout, stderr or console output', () => {
    const sources = [
      ...readdirSync(dir).map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })),
      { name: 'stdout/stderr/console', text: captured.join('') },
    ];
    expect(sources.reduce((n, s) => n + s.text.length, 0)).toBeGreaterThan(10_000);
    expect(scan(sources)).toEqual([]);
  });

  it('would notice a leak: values planted in a log file under keys redaction does not know are all found', async () => {
    const file = join(controlDir, 'planted.log');
    const planted = createLogger({ service: 'control', file, level: 'debug' });
    const p: Person = PEOPLE.pnrTraveller;
    planted.info(
      {
        note: `${p.surname} ${p.givenNames}`,
        ref: p.documentNumber,
        when: dateForms(p.dateOfBirth).join(' '),
        mail: `${p.contact}@example.org`,
      },
      'planted',
    );
    await new Promise<void>((r) => planted.flush(() => r()));
    const text = await waitFor(() => readFileSync(file, 'utf8') || undefined, { what: 'the planted line' });
    const found = new Set(scan([{ name: 'planted.log', text }]).map((hit) => hit.split(': ')[1]));
    expect([...found].sort()).toEqual(
      [
        ...new Set(
          needles()
            .filter((n) => n.label.startsWith('pnrTraveller.'))
            .map((n) => n.label),
        ),
      ].sort(),
    );
  });
});

/** `file:line: person.field` for every needle found (the value itself is never printed). */
function scan(sources: { name: string; text: string }[]): string[] {
  const patterns = needles().map((n) => ({
    label: n.label,
    // A whole token: not inside a longer run of letters and digits (ids, hashes, timestamps).
    re: new RegExp(`(?<![A-Za-z0-9])${n.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i'),
  }));
  const hits: string[] = [];
  for (const source of sources)
    source.text.split('\n').forEach((line, i) => {
      for (const p of patterns) if (p.re.test(line)) hits.push(`${source.name}:${i + 1}: ${p.label}`);
    });
  return hits;
}
