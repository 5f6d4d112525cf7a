import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DeadLetter, DecisionMade, Topic } from '@paxscreen/contracts';
import { PaxlstTraveller, readMessage } from '@paxscreen/edifact';
import { testPassenger, testPaxlst, waitFor } from '@paxscreen/testing';

import { TestStack } from './support/stack';
import { TopicReader } from './support/topic-reader';

const pax = testPassenger;

/** Six travellers, each meant for one path through screening. */
const TRAVELLERS = {
  watchlisted: pax('KARVONEN', 'ALEKSI JUHANI', '1971-03-14', 'FIN', 'XF1111111'),
  stolenPassport: pax('SMITH', 'ANNA', '1985-07-01', 'AUS', 'XA0000101'),
  trusted: pax('HARTLEY', 'SAMUEL JAMES', '1966-12-01', 'USA', 'XU0000204'),
  abtcCleared: pax('TANAKA', 'EMI', '1984-02-28', 'JPN', 'XJ0000201'),
  abtcNotCleared: pax('LIM', 'WEI', '1990-01-01', 'SGP', 'XS0000301'),
  nobody: pax('JONES', 'PETER', '1975-05-05', 'GBR', 'XB0000401'),
};

const NATIONAL_LIST = `id,kind,surname,given_names,dates_of_birth,nationalities,gender,programs
NWL-1,PERSON,KARVONEN,Aleksi Juhani,1971-03-14,FIN,M,TRAVEL_BAN
NWL-2,PERSON,OTHERSON,Someone,1950-01-01,NOR,M,TRAVEL_BAN
`;
const LOST_STOLEN = `id,document_number,issuer,document_type,status,reported_on
LSD-1,XA0000101,AUS,P,STOLEN,2024-01-15
`;
const ENROLMENTS = `id,programme,kind,card_number,surname,given_names,date_of_birth,nationality,document_number,document_issuer,valid_from,valid_to,pre_cleared_economies
ENR-1,GLOBAL_ENTRY,TTP,XGE1,HARTLEY,Samuel James,1966-12-01,USA,XU0000204,USA,2022-08-01,2030-07-31,USA
ENR-2,ABTC,ABTC,XABTC2,TANAKA,Emi,1984-02-28,JPN,XJ0000201,JPN,2023-01-01,2030-12-31,AUS|USA
ENR-3,ABTC,ABTC,XABTC3,LIM,Wei,1990-01-01,SGP,XS0000301,SGP,2023-01-01,2030-12-31,AUS|CHN
`;

const manifest = (travellers: PaxlstTraveller[], controlRef = '000001') =>
  testPaxlst('ZZ', controlRef, travellers, { recipient: 'USCBP', flight: { number: '0100' } });

describe('pipeline: gateway → parser → screening → decisions (Kafka) and hot path (Redis)', () => {
  const stack = TestStack.create('pipeline', ['ZZ', 'UA', 'LA', 'QQ', 'TZ'], {
    MULTIPART_TIMEOUT_SECONDS: '3',
    MULTIPART_SWEEP_SECONDS: '1',
  });
  let decisions: TopicReader;
  let dlq: TopicReader;

  const decisionsFor = (correlationId: string) =>
    decisions.json<DecisionMade.Value>().filter((d) => d.correlationId === correlationId);

  beforeAll(async () => {
    await stack.start('watchlist');
    await stack.importList('national.csv', NATIONAL_LIST, 'NATIONAL');
    await stack.importList('lost-stolen.csv', LOST_STOLEN, 'SLTD');
    await stack.importList('enrolments.csv', ENROLMENTS, 'TTP-ABTC');
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    decisions = await new TopicReader(stack.prefix, Topic.Decisions).start();
    dlq = await new TopicReader(stack.prefix, Topic.DeadLetter).start();
  });

  afterAll(async () => {
    await decisions?.stop();
    await dlq?.stop();
    await stack.close();
  });

  it('screens every traveller exactly once, with an explained outcome for each path', async () => {
    const { status, body } = await stack.submit('ZZ', manifest(Object.values(TRAVELLERS)));
    expect(status).toBe(202);
    const receiptId = String(body.receiptId);
    const found = await waitFor(
      () => (decisionsFor(receiptId).length >= 6 ? decisionsFor(receiptId) : undefined),
      { what: '6 decisions' },
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(decisionsFor(receiptId)).toHaveLength(6);

    const bySurname = new Map(found.map((d) => [d.subject.surname, d.decision]));
    expect(new Set(found.map((d) => d.decision.travellerId)).size).toBe(6);
    expect(['REFER', 'NO_BOARD']).toContain(bySurname.get('KARVONEN')?.outcome);
    expect(bySurname.get('KARVONEN')?.reasons[0]).toMatchObject({
      kind: 'WATCHLIST',
      source: { listId: 'NATIONAL', entryId: 'NWL-1' },
    });
    expect(bySurname.get('SMITH')).toMatchObject({
      outcome: 'NO_BOARD',
      reasons: [{ kind: 'LOST_STOLEN_DOCUMENT' }],
    });
    expect(bySurname.get('HARTLEY')).toMatchObject({
      outcome: 'EXPEDITE',
      reasons: [{ kind: 'TRUSTED_TRAVELLER' }],
    });
    expect(bySurname.get('TANAKA')).toMatchObject({
      outcome: 'EXPEDITE',
      reasons: [{ kind: 'ABTC', action: 'EXPEDITE' }],
    });
    expect(bySurname.get('LIM')).toMatchObject({
      outcome: 'CLEAR',
      reasons: [{ kind: 'ABTC', action: 'CLEAR' }],
    });
    expect(bySurname.get('LIM')?.reasons[0].explanation).toMatch(/not pre-cleared for USA/);
    expect(bySurname.get('JONES')).toMatchObject({ outcome: 'CLEAR', reasons: [] });
    for (const d of found)
      expect(d.decision.listVersions).toMatchObject({ NATIONAL: 'v1', SLTD: 'v1', 'TTP-ABTC': 'v1' });

    const receipt = await stack.receipt('ZZ', receiptId);
    expect(receipt).toMatchObject({
      status: 'PARSED',
      messageType: 'PAXLST',
      counts: { travellers: 6, passengers: 6, crew: 0 },
    });

    // Where the batch's time went, for operators (paxscreen_batch_wait_seconds): screening's
    // traveller consumer has observed its four waits.
    const scraped = await (await fetch(`${await stack.url('screening')}/metrics`)).text();
    for (const wait of ['fetched', 'queued', 'handled', 'committed'])
      expect(scraped).toMatch(
        new RegExp(
          `^paxscreen_batch_wait_seconds_count\\{[^}]*group="paxscreen-screening"[^}]*wait="${wait}"[^}]*\\} [1-9]`,
          'm',
        ),
      );
  });

  it('supersedes a decision when the list entry behind it is removed (re-vetting)', async () => {
    const { body } = await stack.submit('ZZ', manifest([TRAVELLERS.watchlisted], '000002'));
    const receiptId = String(body.receiptId);
    const [first] = await waitFor(
      () => (decisionsFor(receiptId).length >= 1 ? decisionsFor(receiptId) : undefined),
      { what: 'first decision' },
    );
    expect(first.decision.outcome).not.toBe('CLEAR');

    const v2 = await stack.importList(
      'national.csv',
      NATIONAL_LIST.split('\n')
        .filter((l) => !l.startsWith('NWL-1'))
        .join('\n'),
      'NATIONAL',
    );
    expect(v2).toMatchObject({ version: 'v2', removed: 1 });
    const superseding = await waitFor(
      () =>
        decisions.json<DecisionMade.Value>().find((d) => d.decision.supersedes === first.decision.decisionId),
      { what: 'a superseding decision', timeoutMs: 30000 },
    );
    expect(superseding.decision).toMatchObject({
      travellerId: first.decision.travellerId,
      outcome: 'CLEAR',
      listVersions: { NATIONAL: 'v2' },
    });
  });

  it.each([
    ['PAXLST flight1.txt', 'flight1.txt'],
    ['PAXLST multiple_flight_leg_apis.txt', 'multiple_flight_leg_apis.txt'],
    ['PNRGOV 3_pnrs.edi', '3_pnrs.edi'],
    ['PNRGOV pnrMessageExample.txt', 'pnrMessageExample.txt'],
  ])('%s: one decision per traveller the parser read', async (_label, file) => {
    const bytes = readFileSync(join(__dirname, '../data/samples/manifests', file));
    const code = readMessage(bytes).messages[0].manifest.carrier;
    const { status, body } = await stack.submit(code, bytes);
    expect(status).toBe(202);
    const receiptId = String(body.receiptId);
    const receipt = await waitFor(
      async () => {
        const r = await stack.receipt(code, receiptId);
        return r.status === 'PARSED' ? r : undefined;
      },
      { what: 'receipt PARSED' },
    );
    const travellers = (receipt.counts as { travellers: number }).travellers;
    expect(travellers).toBeGreaterThan(0);
    await waitFor(() => decisionsFor(receiptId).length >= travellers || undefined, {
      what: `${travellers} decisions`,
    });
    await new Promise((r) => setTimeout(r, 500));
    const got = decisionsFor(receiptId);
    expect(got).toHaveLength(travellers);
    expect(new Set(got.map((d) => d.decision.travellerId)).size).toBe(travellers);
  });

  it('waits for the rest of a multi-part set, then screens an incomplete one after the timeout', async () => {
    // Test3.txt is part 1 (of ABC01) and not the final one: its 260 travellers wait for the rest.
    const bytes = readFileSync(join(__dirname, '../data/samples/manifests/Test3.txt'));
    const { body } = await stack.submit('UA', bytes);
    const receiptId = String(body.receiptId);
    const waiting = await waitFor(
      async () => {
        const r = await stack.receipt('UA', receiptId);
        return r.status !== 'RECEIVED' ? r : undefined;
      },
      { what: 'receipt settled' },
    );
    expect(waiting.status).toBe('AWAITING_PARTS');
    const screened = await waitFor(
      async () => {
        const r = await stack.receipt('UA', receiptId);
        return r.status === 'PARSED' ? r : undefined;
      },
      { what: 'incomplete set screened after the timeout' },
    );
    expect(screened.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'INCOMPLETE_MULTIPART' })]),
    );
    await waitFor(() => decisionsFor(receiptId).length >= 260 || undefined, { what: '260 decisions' });
    await new Promise((r) => setTimeout(r, 500));
    expect(new Set(decisionsFor(receiptId).map((d) => d.decision.travellerId)).size).toBe(260);
    expect(decisionsFor(receiptId)).toHaveLength(260);
  });

  it('dead-letters a message that cannot be read, with its original bytes, and rejects the receipt', async () => {
    const bytes = Buffer.from("UNB+UNOA:4+ZZAIR+USCBP+200101:1200+9'UNZ+0+9'");
    const { status, body } = await stack.submit('ZZ', bytes);
    expect(status).toBe(202);
    const receiptId = String(body.receiptId);
    const receipt = await waitFor(
      async () => {
        const r = await stack.receipt('ZZ', receiptId);
        return r.status === 'REJECTED' ? r : undefined;
      },
      { what: 'receipt REJECTED' },
    );
    expect(receipt.rejection).toMatchObject({ code: 'EDIFACT_SYNTAX' });
    const letter = await waitFor(
      () => dlq.json<DeadLetter.Value>().find((d) => d.correlationId === receiptId),
      { what: 'dead letter' },
    );
    expect(letter).toMatchObject({ stage: 'parser', code: 'EDIFACT_SYNTAX' });
    expect(Buffer.from(letter.payloadBase64, 'base64').equals(bytes)).toBe(true);
  });
});
