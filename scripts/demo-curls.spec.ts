import 'reflect-metadata';

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';

import { readMrzDocument, readMessage, writeTd3Mrz } from '@paxscreen/edifact';
import { rolesOf } from '@paxscreen/http';

import { LiveHttpController } from '../apps/dashboard/src/live/live.http.controller';
import { CarrierAdminController } from '../apps/gateway/src/carrier-admin/carrier-admin.controller';
import { IapiController } from '../apps/gateway/src/iapi/iapi.controller';
import { IngestController } from '../apps/gateway/src/ingest/ingest.controller';
import { PnrController } from '../apps/gateway/src/pnr/pnr.controller';
import { PoeController } from '../apps/gateway/src/poe/poe.controller';
import { SearchHttpController } from '../apps/records/src/search/search.http.controller';
import { CatalogueHttpController } from '../apps/watchlist/src/catalogue/catalogue.http.controller';
import { ImportListHttpController } from '../apps/watchlist/src/import-list/import-list.http.controller';
import { demoCurls, DemoRole, iapiSample } from './demo-curls';

const ROOT = join(__dirname, '..');
const URLS = {
  gateway: 'http://127.0.0.1:8080',
  watchlist: 'http://127.0.0.1:8083',
  records: 'http://127.0.0.1:8085',
  dashboard: 'http://127.0.0.1:8084',
};
/** Which controllers answer on which service (as each app's module mounts them). */
/** A controller class (its routes are metadata on it and on its prototype's handlers). */
type ControllerClass = abstract new (...args: never[]) => unknown;

const CONTROLLERS: Record<string, ControllerClass[]> = {
  [URLS.gateway]: [IngestController, IapiController, PoeController, PnrController, CarrierAdminController],
  [URLS.watchlist]: [CatalogueHttpController, ImportListHttpController],
  [URLS.records]: [SearchHttpController],
  [URLS.dashboard]: [LiveHttpController],
};

interface Route {
  method: string;
  path: string[];
  roles?: string[];
  carrierKey: boolean;
}

function routesOf(controller: ControllerClass): Route[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  const classGuards = (Reflect.getMetadata(GUARDS_METADATA, controller) ?? []) as unknown[];
  const proto = controller.prototype as Record<string, (...args: never[]) => unknown>;
  return Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor' && Reflect.hasMetadata(PATH_METADATA, proto[name]))
    .map((name) => {
      const handler = proto[name];
      const guards = [
        ...classGuards,
        ...((Reflect.getMetadata(GUARDS_METADATA, handler) ?? []) as unknown[]),
      ];
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler));
      return {
        method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
        path: `${base}/${sub}`.split('/').filter((s) => s !== ''),
        roles: rolesOf(handler) ?? rolesOf(controller),
        // The gateway's carrier guard (apps/gateway/src/auth) and the shared one carry the same name.
        carrierKey: guards.some((g) => typeof g === 'function' && g.name === 'CarrierAuthGuard'),
      };
    });
}

/** A curl command's words, quotes as a POSIX shell reads them (no expansions in these commands). */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

interface Curl {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

function parseCurl(command: string): Curl {
  const w = words(command);
  expect(w[0]).toBe('curl');
  const headers: Record<string, string> = {};
  let method: string | undefined;
  let body: string | undefined;
  let url: URL | undefined;
  for (let i = 1; i < w.length; i++) {
    if (w[i] === '-H') {
      const [name, ...value] = w[++i].split(':');
      headers[name.toLowerCase()] = value.join(':').trim();
    } else if (w[i] === '-X') method = w[++i];
    else if (w[i] === '-d' || w[i] === '--data-binary') body = w[++i];
    else if (w[i].startsWith('http')) url = new URL(w[i]);
  }
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url: url!, headers, body };
}

const TOKEN_PREFIX = 'token-of-';
const roleOfToken = (authorization: string | undefined) =>
  authorization?.match(new RegExp(`^Bearer ${TOKEN_PREFIX}(\\w+)$`))?.[1];

const samples = readdirSync(join(ROOT, 'data/samples/manifests'))
  .filter((f) => !f.endsWith('.md'))
  .map((file) => ({ file, bytes: readFileSync(join(ROOT, 'data/samples/manifests', file)) }));

const mrz = writeTd3Mrz({
  issuer: 'AUS',
  documentNumber: 'XA0000101',
  nationality: 'AUS',
  surname: 'BLAKE',
  givenNames: 'ROBIN',
  dateOfBirth: '1977-04-04',
  expiry: '2030-01-01',
})!;
const iapi = iapiSample(samples, () => true)!;
const curls = demoCurls({
  urls: URLS,
  messages: { key: 'demo-LH-key', file: 'flight1.txt' },
  iapi: { key: `demo-${iapi?.carrier}-key`, file: iapi?.file },
  token: (role: DemoRole) => `${TOKEN_PREFIX}${role}`,
  document: { issuer: 'AUS', number: 'XA0000101', mrz },
  pnrTravellerId: '0123456789abcdef',
  manifestPath: '/v1/records/flights/XY/0001/2026-12-06?reason=demo',
});
const commands = curls.flatMap((line) => line.split(' && ')).map(parseCurl);

describe('demoCurls', () => {
  it('prints one command per interface: messages, iAPI, document and MRZ look-ups, PNR, dashboard, …', () => {
    const paths = commands.map((c) => `${c.method} ${c.url.origin}${c.url.pathname}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        `POST ${URLS.gateway}/v1/messages`,
        `POST ${URLS.gateway}/v1/iapi`,
        `GET ${URLS.gateway}/v1/poe/documents/AUS/XA0000101`,
        `POST ${URLS.gateway}/v1/poe/mrz`,
        `GET ${URLS.gateway}/v1/pnr/0123456789abcdef`,
        `GET ${URLS.dashboard}/v1/dashboard/snapshot`,
        `GET ${URLS.records}/v1/records/flights/XY/0001/2026-12-06`,
      ]),
    );
  });

  it.each(
    commands.filter((c) => c.url.pathname !== '/metrics').map((c) => [`${c.method} ${c.url.pathname}`, c]),
  )('%s is a route of its service, with the credentials it asks for', (_, c) => {
    const curl = c as Curl;
    const route = CONTROLLERS[curl.url.origin].flatMap(routesOf).find((r) => {
      const parts = curl.url.pathname.split('/').filter((s) => s !== '');
      return (
        r.method === curl.method &&
        r.path.length === parts.length &&
        r.path.every((p, i) => p.startsWith(':') || p === parts[i])
      );
    });
    expect(route).toBeDefined();
    if (route!.carrierKey) expect(curl.headers['x-api-key']).toMatch(/^demo-/);
    if (route!.roles) expect(route!.roles).toContain(roleOfToken(curl.headers.authorization));
  });

  it('the carrier bodies are sample files; the iAPI one holds one PAXLST message of the key’s carrier', () => {
    for (const c of commands.filter((x) => x.body?.startsWith('@'))) {
      const bytes = readFileSync(join(ROOT, c.body!.slice(1)));
      expect(c.headers['content-type']).toBe('application/edifact');
      if (c.url.pathname === '/v1/iapi') {
        const { messages } = readMessage(bytes);
        expect(messages).toHaveLength(1);
        expect(messages[0].messageType).toBe('PAXLST');
        expect(c.headers['x-api-key']).toBe(`demo-${messages[0].manifest.carrier}-key`);
      }
    }
  });

  it('the MRZ body is JSON the gateway reads as the traveller’s passport (check digits valid)', () => {
    const c = commands.find((x) => x.url.pathname === '/v1/poe/mrz')!;
    expect(c.headers['content-type']).toBe('application/json');
    const { mrz: text } = JSON.parse(c.body!) as { mrz: string };
    expect(readMrzDocument(text, new Date('2026-12-06'))).toMatchObject({
      issuer: 'AUS',
      number: 'XA0000101',
      dateOfBirth: '1977-04-04',
    });
  });

  it('leaves out what this run has none of (no PNR traveller, no MRZ, no iAPI sample)', () => {
    const lines = demoCurls({
      urls: URLS,
      messages: { key: 'k', file: 'flight1.txt' },
      token: (role) => role,
      document: { number: 'X1' },
      manifestPath: '/v1/records/flights/XY/0001/2026-12-06',
    });
    expect(lines.join('\n')).not.toMatch(/\/v1\/(pnr|iapi|poe\/mrz)/);
  });
});

describe('iapiSample', () => {
  it('picks a sample with one PAXLST message of a carrier with a key, none otherwise', () => {
    expect(iapi).toBeDefined();
    const { messages } = readMessage(samples.find((s) => s.file === iapi.file)!.bytes);
    expect(messages.map((m) => m.messageType)).toEqual(['PAXLST']);
    expect(iapiSample(samples, () => false)).toBeUndefined();
    expect(iapiSample([{ file: 'x', bytes: Buffer.from('not edifact') }], () => true)).toBeUndefined();
  });
});
