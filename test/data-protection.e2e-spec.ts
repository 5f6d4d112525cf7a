import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Audit, ManifestParsed, Topic } from '@paxscreen/contracts';
import { waitFor } from '@paxscreen/testing';

import { TestStack } from './support/stack';
import { TopicReader } from './support/topic-reader';

const DAY_S = 86_400;

describe('data protection: PNR masking after age, audited unmasking by supervisors, purge after retention', () => {
  // Ages shortened to seconds: masked after ~2 s, deleted after ~12 s, job every second.
  const stack = TestStack.create('privacy', ['TZ'], {
    PNR_MASK_AFTER_DAYS: String(2 / DAY_S),
    PNR_RETENTION_DAYS: String(12 / DAY_S),
    PNR_LIFECYCLE_SECONDS: '1',
  });
  let manifests: TopicReader;
  let audit: TopicReader;
  let gateway: string;
  const auth = async (role: 'officer' | 'supervisor' | 'admin') => ({
    authorization: `Bearer ${await stack.token(role)}`,
    'content-type': 'application/json',
  });

  beforeAll(async () => {
    await stack.start('parser');
    await stack.start('gateway');
    gateway = await stack.url('gateway');
    manifests = await new TopicReader(stack.prefix, Topic.Manifests).start();
    audit = await new TopicReader(stack.prefix, Topic.Audit).start();
  });

  afterAll(async () => {
    await manifests?.stop();
    await audit?.stop();
    await stack.close();
  });

  it('keeps a PNR clear while young, masks it at the masking age, unmasks for a supervisor only, then deletes it', async () => {
    const bytes = readFileSync(join(__dirname, '../data/samples/manifests/3_pnrs.edi'));
    const { body } = await stack.submit('TZ', bytes);
    const summary = await waitFor(
      () => manifests.json<ManifestParsed.Value>().find((m) => m.correlationId === body.receiptId),
      { what: 'manifest summary' },
    );
    const id = summary.travellerIds[0];
    const url = `${gateway}/v1/pnr/${id}`;

    const young = (await (await fetch(url, { headers: await auth('officer') })).json()) as {
      masked: boolean;
      traveller: { surname: string };
    };
    expect(young.masked).toBe(false);
    const surname = young.traveller.surname;
    expect(surname).toMatch(/^[A-Z]{2,}/);

    const masked = await waitFor(
      async () => {
        const r = (await (await fetch(url, { headers: await auth('officer') })).json()) as {
          masked: boolean;
          traveller: Record<string, unknown>;
        };
        return r.masked ? r : undefined;
      },
      { what: 'masked record' },
    );
    expect(JSON.stringify(masked.traveller)).not.toContain(surname);
    expect(String(masked.traveller.surname)).toMatch(/^[A-Z]\*+/);

    const unmask = async (role: 'officer' | 'supervisor', reason?: string) =>
      fetch(`${url}/unmask`, {
        method: 'POST',
        headers: await auth(role),
        body: JSON.stringify(reason ? { reason } : {}),
      });
    expect((await unmask('officer', 'investigation 2026/117')).status).toBe(403);
    expect((await unmask('supervisor')).status).toBe(400);
    const opened = await unmask('supervisor', 'court order 2026/117 for case file');
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { traveller: { surname: string } }).traveller.surname).toBe(surname);

    const trail = await waitFor(() => audit.json<Audit.Value>().find((a) => a.action === 'PNR_UNMASK'), {
      what: 'unmask audit record',
    });
    expect(trail).toMatchObject({
      actor: 'supervisor-1',
      target: `pnr:${id}`,
      outcome: 'UNMASKED',
      details: { reason: 'court order 2026/117 for case file' },
    });

    await waitFor(
      async () => (await fetch(url, { headers: await auth('officer') })).status === 404 || undefined,
      { what: 'purge after retention', timeoutMs: 30_000 },
    );
  });
});
