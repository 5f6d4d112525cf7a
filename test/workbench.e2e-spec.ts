import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import type { DecisionMade } from '@paxscreen/contracts';
import { Topic } from '@paxscreen/contracts';
import { type Browser, launchChromium, testSchema, waitFor } from '@paxscreen/testing';

import { CASEWORK_LIST, caseworkManifest as manifest } from './support/casework-scenario';
import { TestStack } from './support/stack';
import { TopicReader } from './support/topic-reader';

const OUTPUT = join(__dirname, '../test-output/workbench');

describe('workbench: the analysts’ and officers’ loop in the browser', () => {
  const schema = testSchema('workbench-ui');
  const stack = TestStack.create('workbench-ui', ['ZZ'], {
    DATABASE_URL: schema.databaseUrl,
    DATABASE_SCHEMA: schema.schema,
    CASEWORK_SCAN_MS: '500',
  });
  let browser: Browser;
  let page: Page;
  let base: string;
  let decisions: TopicReader;
  const cspViolations: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
  /** Polls the page until `ready` holds; on a timeout the page is kept as a screenshot and its text logged. */
  const until = async (what: string, ready: () => Promise<boolean>) => {
    try {
      await waitFor(async () => (await ready()) || undefined, { what, timeoutMs: 30_000, intervalMs: 200 });
    } catch (err) {
      await shot(`failed-${what.replace(/\W+/g, '-')}`);
      process.stderr.write(`page at ${page.url()}:\n${await page.locator('body').innerText()}\n`);
      throw err;
    }
  };

  const signIn = async (role: 'analyst' | 'officer') => {
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: `Sign in as ${role}` }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  };
  const openHit = async (initial: string) => {
    await page.goto(`${base}/#/queue`);
    await page.getByRole('button', { name: 'Clear' }).click();
    const link = page.locator('table.queue a', { hasText: new RegExp(`^${initial}`) });
    await link.waitFor();
    await link.click();
    await page.locator('.hit-header h1').waitFor();
  };
  const decide = async (verdict: string, outcome: string, note: string) => {
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Release' }).waitFor();
    for (const radio of await page.locator(`input[type=radio][value=${verdict}]`).all()) await radio.check();
    await page.locator(`input[name=outcome][value=${outcome}]`).check();
    await page.getByLabel('Note (required)').fill(note);
    await page.getByRole('button', { name: 'Record disposition' }).click();
    await page.locator('.status[data-status=DECIDED]').waitFor();
  };

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    execFileSync(join(__dirname, '../scripts/build-workbench.sh'), { stdio: 'inherit' });
    browser = await launchChromium();
    await stack.start('watchlist');
    await stack.importList('national.csv', CASEWORK_LIST, 'NATIONAL');
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    await stack.start('casework');
    await stack.start('records');
    await stack.start('workbench', 'workbench', {
      WORKBENCH_DEV_LOGIN: 'true',
      CASEWORK_URL: await stack.url('casework'),
      RECORDS_URL: await stack.url('records'),
      GATEWAY_URL: await stack.url('gateway'),
    });
    base = (await stack.url('workbench')).replace('[::1]', '127.0.0.1');
    decisions = await new TopicReader(stack.prefix, Topic.Decisions).start();
    // The context's first tab: a second one would be a background tab, whose timers Chromium throttles.
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  });

  afterAll(async () => {
    await decisions?.stop();
    await browser?.close();
    await stack.close();
    await schema.drop();
  });

  it('a true and a false hit: queue, claim, FALSE_POSITIVE and LOOKOUT, re-sent manifest, port look-up, encounter', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('Staff token').waitFor();
    await shot('01-login');
    await signIn('analyst');

    const first = await stack.submit('ZZ', manifest('000001'));
    expect(first.status).toBe(202);
    // Both hits arrive in the queue (it refreshes by itself), masked, most urgent first.
    await until('two hits in the queue', async () => {
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForTimeout(300);
      return (await page.locator('table.queue tbody tr[data-hit-id]').count()) === 2;
    });
    const queueText = await page.locator('table.queue').innerText();
    expect(queueText).not.toMatch(/KARVONEN|LINDQVIST|XF1111111/);
    expect(queueText).toMatch(/FIN/);
    // The flight lands within the alert window: the bell rang for both hits.
    await until(
      'the bell',
      async () =>
        Number(
          (await page
            .getByTestId('bell-count')
            .textContent()
            .catch(() => '0')) ?? 0,
        ) >= 2,
    );
    await shot('02-queue');

    // The false hit: masked until opened (audited), side by side with the entry, then FALSE_POSITIVE.
    await openHit('L');
    expect(await page.locator('#traveller').innerText()).not.toContain('LINDQVIST');
    const compare = page.locator('.reason table.compare').first();
    const row = (field: string) => compare.locator('tr', { has: page.locator(`th:text-is("${field}")`) });
    // The listed birth date would give the traveller's away: masked until the record is opened.
    expect(await row('dateOfBirth').innerText()).not.toContain('1982-06-30');
    await page.getByRole('button', { name: 'Open record (audited)' }).click();
    await page.locator('.facts[data-opened=true]').waitFor();
    expect(await page.locator('#traveller').innerText()).toContain('LINDQVIST');
    // Side by side: the entry's listed values, and the document the entry does not have is not a difference.
    await until('the listed birth date', async () =>
      (await row('dateOfBirth').innerText()).includes('1982-06-30'),
    );
    expect(await row('dateOfBirth').getAttribute('data-comparison')).toBe('AGREES');
    expect(await row('nationality').innerText()).toMatch(/SWE\s+SWE\s+✓ agrees/);
    expect(await row('document').getAttribute('data-comparison')).toBe('NOT_LISTED');
    expect(await row('document').innerText()).toContain('not on list entry');
    await shot('03-hit-false-opened');
    const falseHitUrl = page.url();
    await decide('FALSE_POSITIVE', 'CLEARED', 'namesake: other birthplace, passport history checked');
    await shot('04-hit-false-decided');

    // The true hit: TRUE_MATCH and a LOOKOUT for the arrival port.
    await openHit('K');
    await decide('TRUE_MATCH', 'LOOKOUT', 'listed person; refer at primary line');
    await page.locator('#lookout').waitFor();
    expect(await page.locator('#lookout').innerText()).toContain('OPEN at SYD');
    await shot('05-hit-true-lookout');

    // The records views: the flight's manifest (masked until revealed), a traveller's history, search.
    await page.locator('.hit-header a', { hasText: 'ZZ0100' }).click();
    await page.locator('table[aria-label=Manifest] tbody tr').nth(2).waitFor();
    expect(await page.locator('table[aria-label=Manifest]').innerText()).not.toContain('KARVONEN');
    await page.getByRole('button', { name: 'Reveal personal data' }).click();
    expect(await page.locator('table[aria-label=Manifest]').innerText()).toContain('KARVONEN');
    await shot('05a-flight-manifest');
    await page.locator('table[aria-label=Manifest] a', { hasText: 'KARVONEN' }).click();
    await page.locator('table[aria-label=History] tbody tr').first().waitFor();
    await shot('05b-traveller-history');
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Name').fill('Lindqvist Mattias');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('table[aria-label="Search results"] tbody tr').first().waitFor();
    expect(await page.locator('table[aria-label="Search results"]').innerText()).toMatch(/L•+ M•+/);
    await shot('05c-name-search');
    // Alert subscriptions: a live one for Sydney, listed back.
    await page.goto(`${base}/#/alert-settings`);
    await page.locator('input[name=ports]').fill('SYD');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.locator('table[aria-label=Subscriptions] td', { hasText: 'SYD' }).waitFor();
    await shot('05d-alert-subscriptions');

    // The manifest is re-sent: the false hit does not come back (screening clears it, naming the
    // disposition), and nothing new waits in the queue.
    await new Promise((r) => setTimeout(r, 1000));
    const again = await stack.submit('ZZ', manifest('000002'));
    const cleared = await waitFor(
      () =>
        decisions
          .json<DecisionMade.Value>()
          .find((d) => d.correlationId === again.body.receiptId && d.subject.surname === 'LINDQVIST'),
      { what: 'the re-sent decision' },
    );
    expect(cleared.decision.outcome).toBe('CLEAR');
    await page.goto(falseHitUrl);
    await until('the re-sent decision on the false hit', async () => {
      await page.reload();
      await page.locator('#decisions').waitFor();
      return (await page.locator('#decisions li').count()) >= 2;
    });
    expect(await page.locator('#decisions').innerText()).toMatch(/CLEAR/);
    expect(await page.locator('.hit-header .status').innerText()).toBe('DECIDED');
    await page.goto(`${base}/#/queue`);
    await page.locator('select[name=status]').selectOption('NEW');
    await page.getByRole('button', { name: 'Apply' }).click();
    await until('an empty NEW queue', async () =>
      (await page.locator('table.queue').innerText()).includes('No hits match'),
    );
    await shot('06-queue-after-resend');

    // The officer at the port: the lookout is listed and shows first at the document look-up.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('officer');
    // An officer lands on the lookouts (the queue is the analysts').
    await page.locator('h1', { hasText: 'Lookouts' }).waitFor();
    await page.locator('input[name=port]').fill('SYD');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('[data-lookout-id]').first().waitFor();
    await page.getByLabel('Issuer').fill('FIN');
    await page.getByLabel('Document number').fill('XF1111111');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.locator('.lookout-banner').waitFor();
    expect(await page.locator('.lookout-banner').innerText()).toContain(
      'listed person; refer at primary line',
    );
    await shot('07-port-lookup');
    await page.getByLabel('Encounter').selectOption('POSITIVE');
    await page.getByLabel('Note').fill('held at desk 4');
    await page.getByRole('button', { name: 'Record encounter' }).click();
    await until(
      'the closed lookout',
      async () =>
        (await page.locator('.cards').innerText()).includes('CLOSED') ||
        (await page.locator('.cards').innerText()).includes('No lookouts'),
    );
    await shot('08-encounter-recorded');

    expect(cspViolations).toEqual([]);
  });
});
