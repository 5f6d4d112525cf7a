import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kafka, logLevel } from 'kafkajs';

import { issueToken } from '@paxscreen/http';
import { testEnv, uniquePrefix, waitFor } from '@paxscreen/testing';

import { startWatchlist } from '../src/watchlist.app';

const SECRET = 'watchlist-e2e-secret-0123456789abcdef';
const LISTS = join(__dirname, '../../../data/lists');

describe('watchlist: import, version, diff, publish', () => {
  let app: NestFastifyApplication;
  let base: string;
  let prefix: string;
  let admin: string;

  beforeAll(async () => {
    prefix = uniquePrefix('watchlist');
    app = await startWatchlist(testEnv(prefix, { WATCHLIST_PORT: '0', AUTH_JWT_SECRET: SECRET }));
    base = await app.getUrl();
    const auth = { AUTH_JWT_SECRET: SECRET, AUTH_JWT_ISSUER: 'paxscreen', AUTH_JWT_AUDIENCE: 'paxscreen' };
    admin = await issueToken(auth, { subject: 'admin-1', roles: ['admin'] });
  });

  afterAll(async () => {
    await app?.close();
  });

  const upload = (bytes: Buffer | string, name: string, token = admin, listId?: string) =>
    fetch(`${base}/v1/lists${listId ? `?listId=${listId}` : ''}`, {
      method: 'POST',
      body: bytes,
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': name,
        authorization: `Bearer ${token}`,
      },
    });

  it('imports the UN list, publishes every entry once, and nothing on a re-import', async () => {
    const xml = readFileSync(join(LISTS, 'UN_consolidated.xml'));
    const first = await upload(xml, 'UN_consolidated.xml');
    expect(first.status).toBe(200);
    const summary = (await first.json()) as {
      listId: string;
      version: string;
      entries: number;
      added: number;
      published: boolean;
    };
    expect(summary).toMatchObject({ listId: 'UN', version: 'v1', published: true });
    expect(summary.added).toBe(summary.entries);
    expect(summary.entries).toBe(1003);

    const again = (await (await upload(xml, 'UN_consolidated.xml')).json()) as {
      published: boolean;
      version: string;
    };
    expect(again).toMatchObject({ published: false, version: 'v1' });

    // The compacted topic holds one record per entry, keyed listId:entryId.
    const kafka = new Kafka({ brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(`${prefix}paxscreen.watchlist.v1`);
    await admin.disconnect();
    expect(offsets.reduce((n, p) => n + Number(p.high), 0)).toBe(1003);
  });

  it('publishes only the changes of a new version, with tombstones for removals', async () => {
    const csv = (rows: string[]) => `id,kind,name,dates_of_birth,nationalities\n${rows.join('\n')}\n`;
    const v1 = csv([
      '1,PERSON,JOHN EXAMPLE,1970-01-01,GBR',
      '2,PERSON,JANE EXAMPLE,1980-02-02,FRA',
      '3,PERSON,MAX EXAMPLE,1990,DEU',
    ]);
    const v2 = csv([
      '1,PERSON,JOHN EXAMPLE,1970-01-01,GBR',
      '2,PERSON,JANE EXAMPLE,1980-02-03,FRA',
      '4,PERSON,NEW EXAMPLE,1999,ITA',
    ]);
    const first = (await (await upload(v1, 'national.csv', admin, 'NAT')).json()) as Record<string, unknown>;
    expect(first).toMatchObject({ listId: 'NAT', version: 'v1', added: 3 });
    const second = (await (await upload(v2, 'national.csv', admin, 'NAT')).json()) as Record<string, unknown>;
    expect(second).toMatchObject({
      version: 'v2',
      added: 1,
      changed: 1,
      removed: 1,
      unchanged: 1,
      published: true,
    });

    const catalogue = await waitFor(async () => {
      const res = await fetch(`${base}/v1/lists/NAT`, { headers: { authorization: `Bearer ${admin}` } });
      return res.ok ? ((await res.json()) as { version: string }) : undefined;
    });
    expect(catalogue.version).toBe('v2');
  });

  it('keeps a listed person whose name holds a NUL: filed as U+FFFD, with a warning naming the entry', async () => {
    const json = '{"entries":[{"id":"N1","name":"JOHN\\u0000 EXAMPLE"},{"id":"N2","name":"JANE EXAMPLE"}]}';
    const res = await upload(json, 'nul.json', admin, 'NUL');
    const summary = (await res.json()) as { entries: number; published: boolean; findings: object[] };
    expect(res.status).toBe(200);
    expect(summary).toMatchObject({ entries: 2, published: true });
    expect(summary.findings).toEqual([
      expect.objectContaining({ code: 'NUL_REPLACED', severity: 'warning', field: 'names.0.full' }),
    ]);
  });

  it('audits every import with its actor: published, unchanged and refused (admin actions)', async () => {
    const kafka = new Kafka({ brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${prefix}audit-reader` });
    const seen: { action: string; actor: string; target: string; outcome: string; details?: object }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}paxscreen.audit.v1`, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value) seen.push(JSON.parse(message.value.toString('utf8')) as (typeof seen)[number]);
      },
    });
    try {
      // Refused: not a list in any format.
      expect((await upload('not a list', 'nothing.txt', admin, 'BAD')).status).toBe(422);
      const audited = await waitFor(
        () => (seen.some((e) => e.outcome === 'REFUSED') && seen.length >= 5 ? seen : undefined),
        { what: 'audit events of the imports' },
      );
      const imports = audited.filter((e) => e.action === 'LIST_IMPORT');
      expect(imports.every((e) => e.actor === 'admin-1')).toBe(true);
      expect(imports).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            target: 'list:UN',
            outcome: 'PUBLISHED',
            details: expect.objectContaining({ version: 'v1', added: 1003 }),
          }),
          expect.objectContaining({ target: 'list:UN', outcome: 'UNCHANGED' }),
          expect.objectContaining({
            target: 'list:NAT',
            outcome: 'PUBLISHED',
            details: expect.objectContaining({ version: 'v2', removed: 1 }),
          }),
          expect.objectContaining({ target: 'list:BAD', outcome: 'REFUSED' }),
        ]),
      );
    } finally {
      await consumer.disconnect();
    }
  });

  it.each([
    ['no token', undefined, 401],
    ['an officer token', 'officer', 403],
  ])('refuses an import with %s', async (_label, role, status) => {
    const token = role
      ? await issueToken(
          { AUTH_JWT_SECRET: SECRET, AUTH_JWT_ISSUER: 'paxscreen', AUTH_JWT_AUDIENCE: 'paxscreen' },
          { subject: 'x', roles: ['officer'] },
        )
      : 'none';
    const res = await fetch(`${base}/v1/lists`, {
      method: 'POST',
      body: 'a,b\n1,2\n',
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': 'x.csv',
        ...(role ? { authorization: `Bearer ${token}` } : {}),
      },
    });
    expect(res.status).toBe(status);
  });

  it.each(['../../etc/passwd', 'a/b.csv', '.hidden', 'x'.repeat(200)])(
    'refuses the unsafe file name %s',
    async (name) => {
      const res = await upload('a,b\n', name);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'UNSAFE_FILE_NAME' });
    },
  );

  it('imports a file set sent as JSON (name and contentBase64 per file)', async () => {
    const csv = 'id,name\nS1,JOHN EXAMPLE\n';
    const res = await fetch(`${base}/v1/lists?listId=SET`, {
      method: 'POST',
      body: JSON.stringify({
        files: [{ name: 'set.csv', contentBase64: Buffer.from(csv).toString('base64') }],
      }),
      headers: { 'content-type': 'application/vnd.paxscreen.files+json', authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ listId: 'SET', entries: 1, published: true });
  });

  it.each([
    [
      'a file name holding an escaped NUL',
      '{"files":[{"name":"sdn\\u0000.csv","contentBase64":"YQ=="}]}',
      'files.0.name: must not contain NUL (U+0000)',
    ],
    [
      'a file name that is not a string',
      '{"files":[{"name":5,"contentBase64":"YQ=="}]}',
      'files.0.name: isString',
    ],
    ['no files', '{"files":[]}', 'files: arrayMinSize'],
    ['text that is not JSON', '{"files":', 'payload: not valid JSON'],
  ])('refuses a file set with %s: 400 INVALID_BODY naming the field', async (_, body, problem) => {
    const res = await fetch(`${base}/v1/lists`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/vnd.paxscreen.files+json', authorization: `Bearer ${admin}` },
    });
    const answer = (await res.json()) as { code: string; details?: { problems: string[] } };
    expect({ status: res.status, code: answer.code }).toEqual({ status: 400, code: 'INVALID_BODY' });
    expect(answer.details?.problems).toContain(problem);
  });
});
