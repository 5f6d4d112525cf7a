import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EdifactError } from '../errors/edifact.error';
import { readContext } from '../types';
import { readJsonManifest } from './json-manifest.reader';

const FIXTURE = readFileSync(
  join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'edifact', 'ok', 'manifest.json'),
  'utf8',
);
const ctx = readContext({ now: new Date('2025-06-01T00:00:00Z') });
const manifest = () =>
  JSON.parse(FIXTURE) as { travellers: Record<string, unknown>[] } & Record<string, unknown>;
const read = (m: unknown) => readJsonManifest(JSON.stringify(m), ctx);
const withTraveller = (over: Record<string, unknown>) => {
  const m = manifest();
  m.travellers = [{ ...m.travellers[0], ...over }];
  return m;
};
const findingCodes = (m: unknown) => read(m).report.findings.map((f) => f.code);

describe('readJsonManifest', () => {
  it('maps the documented example to the same shape as PAXLST', () => {
    const m = read(manifest());
    expect(m).toMatchObject({ messageType: 'JSON', version: 'json:1', messageRef: 'ZZ0400-20250301-001' });
    expect(m.manifest).toMatchObject({
      manifestId: 'ZZ0400:2025-03-01:IN:PASSENGERS',
      direction: 'INBOUND',
      flightNumber: '0400',
    });
    expect(m.travellers[0]).toMatchObject({
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      dateOfBirth: '1974-08-12',
      nationality: 'UTO',
      seat: '12A',
      bagCount: 1,
      pnr: { locator: 'QX7YZA' },
      flight: { carrier: 'ZZ', number: '0400' },
    });
    expect(m.travellers[1]).toMatchObject({ dateOfBirth: '1988', nationality: 'GBR' });
  });

  it('keeps the carrier reference as identity: the id survives a name correction', () => {
    const a = read(withTraveller({ surname: 'Eriksson' })).travellers[0].travellerId;
    const b = read(withTraveller({ surname: 'Eriksson-Berg' })).travellers[0].travellerId;
    expect(a).toBe(b);
  });

  it.each([
    [{ dateOfBirth: '1974-13-12' }, ['INVALID_DATE']],
    [{ dateOfBirth: '1974-08-13' }, ['MRZ_MISMATCH']],
    [{ nationality: 'Q1' }, ['INVALID_COUNTRY_CODE']],
    [{ gender: 'Z' }, ['INVALID_GENDER']],
    [{ seat: 'AISLE' }, ['INVALID_VALUE']],
    [
      { documents: [{ type: 'P', number: 'L898902C3', issuer: 'UTO', mrz: ['P<UTO'] }] },
      ['MISSING_DOCUMENT_EXPIRY', 'MRZ_INVALID'],
    ],
    [
      {
        documents: [
          {
            type: 'P',
            number: 'X1',
            issuer: 'UTO',
            expiry: '2030-04-15',
            mrz: JSON.parse(FIXTURE).travellers[0].documents[0].mrz,
          },
        ],
      },
      ['MRZ_MISMATCH'],
    ],
  ])('reports %o as %j', (over, expected) => {
    expect(findingCodes(withTraveller(over)).sort()).toEqual(expected);
  });

  it('reports a passport without expiry date as MISSING_DOCUMENT_EXPIRY, unless its MRZ gives one', () => {
    const [sent] = manifest().travellers[0].documents as Record<string, unknown>[];
    const { expiry: _expiry, ...noExpiry } = sent;
    const { mrz: _mrz, ...bare } = noExpiry;
    const missing = read(withTraveller({ documents: [bare] })).report.findings;
    expect(missing).toEqual([
      expect.objectContaining({
        code: 'MISSING_DOCUMENT_EXPIRY',
        severity: 'warning',
        field: 'travellers[0].documents[0].expiry',
        traveller: 0,
      }),
    ]);
    const fromMrz = read(withTraveller({ documents: [noExpiry] }));
    expect(fromMrz.report.findings).toEqual([]);
    expect(fromMrz.travellers[0].documents[0].expiry).toBe('2030-04-15');
    // A visa may have no expiry date.
    expect(findingCodes(withTraveller({ documents: [{ ...bare, type: 'V' }] }))).toEqual([]);
  });

  it('checks MRZ check digits and names the failing field', () => {
    const m = manifest();
    const mrz = (m.travellers[0].documents as { mrz: string[] }[])[0].mrz;
    mrz[1] = `${mrz[1].slice(0, 9)}0${mrz[1].slice(10)}`;
    const found = read(m).report.findings.filter((f) => f.code === 'MRZ_CHECK_DIGIT');
    expect(found.map((f) => f.message)).toEqual([
      'MRZ document number check digit does not match',
      'MRZ composite check digit does not match',
    ]);
    expect(found[0].field).toBe('travellers[0].documents[0].mrz');
  });

  it.each([
    ['{', 'input starts like JSON but is not valid JSON'],
    ['{"format":"other"}', 'format'],
    [JSON.stringify({ ...JSON.parse(FIXTURE), travellers: 'none' }), 'travellers'],
  ])('rejects %s with INVALID_JSON_MANIFEST', (text, fragment) => {
    expect(() => readJsonManifest(text, ctx)).toThrow(EdifactError);
    expect(() => readJsonManifest(text, ctx)).toThrow(fragment);
  });
});
