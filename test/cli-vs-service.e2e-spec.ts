import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Decision, DecisionMade } from '@paxscreen/contracts';
import { Topic } from '@paxscreen/contracts';
import { readMessage } from '@paxscreen/edifact';
import { readListFiles, waitFor } from '@paxscreen/testing';

import { registerScreenCommand } from '../apps/cli/src/commands/screen.command';
import type { ScreenLine } from '../apps/cli/src/offline/decision-output';
import { runCommand } from '../apps/cli/src/run-command.fixture';
import { TestStack } from './support/stack';
import { TopicReader } from './support/topic-reader';

/**
 * One decision implementation, two hosts: the decisions `paxscreen screen --json` prints offline
 * equal those the screening service publishes for the same manifests and lists (imported through
 * the watchlist service, carried by the compacted topics, replayed by the screening service).
 * Decision ids, timings and list version labels naturally differ; everything that decides does not.
 */

const DATA = join(__dirname, '../data');
const MANIFESTS = [
  'sample-hits.edi',
  'flight1.txt',
  'flight2.txt',
  'multiple_flight_leg_apis.txt',
  '3_pnrs.edi',
  'pnrMessageExample.txt',
  'Test3.txt', // an incomplete multi-part set: the parser screens it after its wait, the CLI at once
].map((f) => join(DATA, 'samples/manifests', f));

/** The bundled sample's lists, with the list ids both hosts get. */
const LISTS: { path: string; listId?: string; option: string }[] = [
  { path: join(DATA, 'lists/UN_consolidated.xml'), option: '--list' },
  { path: join(DATA, 'lists/ofac_sdn_2021'), option: '--list' },
  { path: join(DATA, 'samples/national-watchlist.csv'), listId: 'NATIONAL', option: '--list' },
  { path: join(DATA, 'samples/lost-stolen-documents.csv'), listId: 'SLTD', option: '--lost-stolen' },
  { path: join(DATA, 'samples/enrolments.csv'), listId: 'ENROLMENTS', option: '--enrolments' },
  { path: join(DATA, 'rules/default.yaml'), option: '--rules' },
];

const carrierOf = (file: string) => readMessage(readFileSync(file)).messages[0].manifest.carrier;

/** What decides: outcome and, per reason in order, kind, action, source, score and explanation. */
function verdict(d: Decision) {
  return {
    outcome: d.outcome,
    reasons: d.reasons.map((r) => ({
      kind: r.kind,
      action: r.action,
      listId: r.source.listId,
      entryId: r.source.entryId,
      score: r.score,
      matchedFields: r.matchedFields,
      explanation: r.explanation,
    })),
    lists: Object.keys(d.listVersions).sort(),
  };
}

describe('paxscreen screen (offline) and the screening service decide alike', () => {
  const stack = TestStack.create('cli-vs-service', [...new Set(MANIFESTS.map(carrierOf))], {
    MULTIPART_TIMEOUT_SECONDS: '2',
    MULTIPART_SWEEP_SECONDS: '1',
  });
  let decisions: TopicReader;

  beforeAll(async () => {
    await stack.start('watchlist');
    // A file, or the OFAC set's files uploaded as one set, as an admin does.
    for (const l of LISTS) await stack.importFiles(readListFiles(l.path), l.listId);
    // The screening service is ready once its index has caught up with the imported lists.
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    decisions = await new TopicReader(stack.prefix, Topic.Decisions).start();
  });

  afterAll(async () => {
    await decisions?.stop();
    await stack.close();
  });

  it('gives every traveller the same outcome, reasons, sources, scores and explanations', async () => {
    const receipts = new Map<string, string>();
    for (const file of MANIFESTS) {
      const { status, body } = await stack.submit(carrierOf(file), readFileSync(file));
      expect(status).toBe(202);
      receipts.set(String(body.receiptId), file);
    }

    const offline = await runCommand(registerScreenCommand, [
      'screen',
      ...MANIFESTS,
      ...LISTS.flatMap((l) => [l.option, l.listId ? `${l.listId}=${l.path}` : l.path]),
      '--json',
      '--no-progress',
    ]);
    expect(offline.exitCode).toBeUndefined();
    const cli = offline.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ScreenLine);
    const expected = MANIFESTS.reduce(
      (n, f) => n + readMessage(readFileSync(f)).messages[0].travellers.length,
      0,
    );
    expect(cli).toHaveLength(expected);

    const published = () => decisions.json<DecisionMade.Value>().filter((d) => receipts.has(d.correlationId));
    await waitFor(() => published().length >= cli.length || undefined, {
      what: `${cli.length} published decisions`,
      timeoutMs: 90_000,
    });
    const service = new Map(published().map((d) => [`${d.manifestId}|${d.decision.travellerId}`, d]));
    expect(service.size).toBe(cli.length);

    for (const line of cli) {
      const key = `${line.manifestId}|${line.decision.travellerId}`;
      const theirs = service.get(key);
      expect({ key, ...verdict(line.decision) }).toEqual({
        key,
        ...(theirs ? verdict(theirs.decision) : {}),
      });
    }
    // The comparison covers every kind of decision, not only CLEARs.
    const outcomes = new Set(cli.map((l) => l.decision.outcome));
    expect([...outcomes].sort()).toEqual(['CLEAR', 'EXPEDITE', 'NO_BOARD', 'REFER']);
    const kinds = new Set(cli.flatMap((l) => l.decision.reasons.map((r) => r.kind)));
    for (const kind of ['WATCHLIST', 'LOST_STOLEN_DOCUMENT', 'RULE', 'TRUSTED_TRAVELLER', 'ABTC'])
      expect(kinds).toContain(kind);
  });
});
