import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { type Browser, launchChromium, testPassenger, testPaxlst, waitFor } from '@paxscreen/testing';

import { TestStack } from '../../../test/support/stack';

const SCREENSHOT = join(__dirname, '../../../test-output/dashboard.png');
const TRACE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** A watch-listed traveller (REFER or NO_BOARD), a stolen passport (NO_BOARD) and three clear ones. */
const TRAVELLERS = [
  testPassenger('KARVONEN', 'ALEKSI JUHANI', '1971-03-14', 'FIN', 'XF1111111'),
  testPassenger('SMITH', 'ANNA', '1985-07-01', 'AUS', 'XA0000101'),
  testPassenger('JONES', 'PETER', '1975-05-05', 'GBR', 'XB0000401'),
  testPassenger('MÜLLER', 'KLARA', '1990-10-10', 'DEU', 'XD0000501'),
  testPassenger('DUPONT', 'CLAIRE', '1982-04-04', 'FRA', 'XR0000601'),
];
const PERSONAL = ['KARVONEN', 'ALEKSI', '1971-03-14', 'XF1111111', 'SMITH', 'XA0000101', '1985-07-01'];

const NATIONAL_LIST = `id,kind,surname,given_names,dates_of_birth,nationalities,gender,programs
NWL-1,PERSON,KARVONEN,Aleksi Juhani,1971-03-14,FIN,M,TRAVEL_BAN
`;
const LOST_STOLEN = `id,document_number,issuer,document_type,status,reported_on
LSD-1,XA0000101,AUS,P,STOLEN,2024-01-15
`;

const manifest = () =>
  testPaxlst('ZZ', '000001', TRAVELLERS, { recipient: 'USCBP', flight: { number: '0100' } });

const count = async (page: Page, id: string) =>
  Number(((await page.textContent(`#${id}`)) ?? '').replace(/[^\d.]/g, '') || 0);

/** Polls the page as it is (never reloading it) until `ready` holds. */
const until = (what: string, ready: () => Promise<boolean>) =>
  waitFor(async () => (await ready()) || undefined, { what, timeoutMs: 30_000, intervalMs: 200 });

describe('dashboard: live operations page for operators', () => {
  const stack = TestStack.create('dashboard', ['ZZ']);
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    // Fail first and loudly when there is no browser, before minutes of stack start-up.
    browser = await launchChromium();
    await stack.start('watchlist');
    await stack.importList('national.csv', NATIONAL_LIST, 'NATIONAL');
    await stack.importList('lost-stolen.csv', LOST_STOLEN, 'SLTD');
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    await stack.start('dashboard', 'dashboard', { DASHBOARD_LAG_POLL_MS: '1000' });
    base = await stack.url('dashboard');
  });

  afterAll(async () => {
    await browser?.close();
    await stack.close();
  });

  it('serves the page to anyone, under a strict Content-Security-Policy', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const uplot = await fetch(`${base}/assets/uPlot.iife.min.js`);
    expect(uplot.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/assets/..%2Fpackage.json`)).status).toBe(404);
  });

  it.each([
    ['no token', undefined, 401],
    ['an officer token', 'officer', 403],
    ['an admin token', 'admin', 403],
  ] as const)('refuses the data stream with %s', async (_label, role, status) => {
    const headers: Record<string, string> = role
      ? { authorization: `Bearer ${await stack.token(role)}` }
      : {};
    for (const path of ['stream', 'snapshot'])
      expect((await fetch(`${base}/v1/dashboard/${path}`, { headers })).status).toBe(status);
  });

  it('streams server-sent events to an operator, starting with a snapshot', async () => {
    const abort = new AbortController();
    const res = await fetch(`${base}/v1/dashboard/stream`, {
      headers: { authorization: `Bearer ${await stack.token('operator')}` },
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: update'))
      text += Buffer.from((await reader.read()).value!).toString('utf8');
    abort.abort();
    expect(text.startsWith('event: snapshot\ndata: {')).toBe(true);
    const snapshot = JSON.parse(text.split('\n')[1].slice('data: '.length)) as {
      lists: { listId: string }[];
    };
    expect(snapshot.lists.map((l) => l.listId)).toEqual(['NATIONAL', 'SLTD']);
  });

  it('shows the numbers move as a manifest streams through, masked, without a reload', async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    let navigations = 0;
    page.on('framenavigated', (f) => f === page.mainFrame() && navigations++);

    await page.goto(`${base}/`);
    await page.fill('#token', await stack.token('operator'));
    await page.click('button[type=submit]');
    await until('the stream to be live', async () => (await page.textContent('#status')) === 'live');
    await until('the lists', async () => (await page.textContent('#lists-body td')) === 'NATIONAL');
    expect(await count(page, 'decisions-total')).toBe(0);
    const updatedBefore = await page.textContent('#updated');

    const submitted = await fetch(`${await stack.url('gateway')}/v1/messages`, {
      method: 'POST',
      body: manifest(),
      headers: {
        'content-type': 'application/edifact',
        'x-api-key': stack.keys.get('ZZ')!,
        traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
      },
    });
    expect(submitted.status).toBe(202);
    const unreadable = await stack.submit('ZZ', "UNB+UNOA:4+ZZAIR+USCBP+200101:1200+9'UNZ+0+9'");
    expect(unreadable.status).toBe(202);

    await until('every decision', async () => (await count(page, 'decisions-total')) >= TRAVELLERS.length);
    await until('the dead letter', async () => (await count(page, 'dead-total')) >= 1);
    await until('throughput', async () => (await count(page, 'throughput')) > 0);
    await until(
      'lag of the three groups',
      async () => (await page.$$('#lag-body tr:not(.empty)')).length >= 3,
    );
    await until('the lag read from committed offsets', async () =>
      /^\d/.test((await page.textContent('#lag-total')) ?? ''),
    );

    expect(await count(page, 'decisions-total')).toBe(TRAVELLERS.length);
    expect((await count(page, 'outcome-REFER')) + (await count(page, 'outcome-NO_BOARD'))).toBe(2);
    expect(await count(page, 'outcome-CLEAR')).toBe(3);
    expect(await count(page, 'latency-p50')).toBeGreaterThan(0);
    expect(await page.textContent('#updated')).not.toBe(updatedBefore);

    // The flagged rows: initials and masked documents only, and the trace id the carrier sent.
    const flagged = await page.$$eval('#flagged-body tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    expect(flagged.map((r) => r[3]).sort()).toEqual(['A. K.', 'A. S.']);
    expect(flagged.map((r) => r[4]).sort()).toEqual(['•••••01', '•••••11']);
    expect(flagged.every((r) => r[7] === TRACE_ID)).toBe(true);
    const text = (await page.textContent('body')) ?? '';
    for (const personal of PERSONAL) expect(text).not.toContain(personal);
    expect(await page.textContent('#dead-codes-body')).toContain('EDIFACT_SYNTAX');

    expect(navigations).toBe(1);
    expect(problems).toEqual([]);
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.close();
  });
});
