import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EdifactError } from './errors/edifact.error';
import { readMessage } from './read-message';

const DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'edifact');
const NOW = new Date('2025-06-01T00:00:00Z');
const read = (file: string) => readMessage(readFileSync(join(DIR, file)), { now: NOW });
const codes = (file: string) => read(file).messages.flatMap((m) => m.report.findings.map((f) => f.code));

describe('ok/ fixtures', () => {
  it('every ok/ file reads without throwing', () => {
    for (const file of readdirSync(join(DIR, 'ok')))
      expect(read(`ok/${file}`).messages.length).toBeGreaterThan(0);
  });

  it('PAXLST D:12B: references, bag tags, issue dates and an alpha-2 nationality', () => {
    const [m] = read('ok/paxlst-d12b.edi').messages;
    expect(m.version).toBe('D:12B');
    expect(m.manifest).toMatchObject({
      transactionRef: 'ZZ0400TX01',
      reportingParty: { name: 'ZZ AIRWAYS OPERATIONS' },
    });
    expect(m.travellers[0]).toMatchObject({
      surname: 'TESTER',
      givenNames: 'AMELIA JANE',
      placeOfBirth: 'BRISTOL',
      seat: '14C',
      bagCount: 2,
      pnr: { locator: 'QX7YZA' },
      documents: [
        { type: 'P', number: 'TS1234567', issuer: 'GBR', expiry: '2030-01-31', issued: '2020-02-01' },
      ],
    });
    expect(m.travellers[1]).toMatchObject({ nationality: 'FRA', documents: [{ issuer: 'FRA' }] });
    expect(codes('ok/paxlst-d12b.edi')).toEqual([
      'ALPHA2_COUNTRY_CODE',
      'ALPHA2_COUNTRY_CODE',
      'DOCUMENT_EXPIRED',
    ]);
  });

  it('PAXLST D:15B crew list in ISO 8859-1 with ICAO codes and a partial birth date', () => {
    const result = read('ok/paxlst-d15b-crew.edi');
    const [m] = result.messages;
    expect(result.interchange).toMatchObject({ syntax: 'UNOC:4', charset: 'iso-8859-1' });
    expect(m.manifest.kind).toBe('CREW');
    expect(m.travellers.map((t) => [t.role, t.surname, t.nationality, t.gender, t.dateOfBirth])).toEqual([
      ['CREW', 'MÜLLER', 'DEU', 'M', '1970-01-01'],
      ['CREW', 'SAMPLE', 'XXA', 'X', '1990'],
    ]);
    expect(m.travellers[1].documents[0].issuer).toBe('QQQ');
    // The second crew member's identity card (DOC+I) comes without DTM+36.
    expect(codes('ok/paxlst-d15b-crew.edi')).toEqual(['UNKNOWN_COUNTRY_CODE', 'MISSING_DOCUMENT_EXPIRY']);
  });

  it('the US variant with UNS/PDT', () => {
    const [m] = read('ok/paxlst-us-variant.edi').messages;
    expect(m.manifest.flight).toEqual({
      carrier: 'ZZ',
      number: '0643',
      departure: { port: 'AMS', at: '2015-03-24T10:15' },
      arrival: { port: 'JFK', at: '2015-03-24T12:30' },
    });
    expect(
      m.travellers.map((t) => [t.role, t.surname, t.givenNames, t.dateOfBirth, t.gender, t.embarkation]),
    ).toEqual([
      ['PASSENGER', 'VOORBEELD', 'JAN PIETER', '1980-01-01', 'M', 'AMS'],
      ['IN_TRANSIT', 'MUSTER', 'ERIKA', '1975-12-24', 'F', 'FRA'],
      ['CREW', 'CREWMAN', 'SAM', '1969-05-05', 'M', 'AMS'],
    ]);
    expect(m.travellers[0].documents).toEqual([
      { type: 'P', number: 'NX1234567', expiry: '2020-01-01', issuer: 'NLD' },
    ]);
    expect(m.travellers[1].documents[0]).toMatchObject({ type: 'V', issuer: 'USA' });
  });

  it('a complete multi-part set in one interchange is assembled in order', () => {
    const result = read('ok/paxlst-multipart.edi');
    expect(result.messages).toHaveLength(1);
    const [m] = result.messages;
    expect(m.multipart).toEqual({ reference: 'ZZ400MP', sequence: 2, final: true });
    expect(m.travellers.map((t) => t.givenNames)).toEqual(['ANNA', 'BEN', 'CARA']);
    expect(m.travellers.map((t) => t.findings.length)).toEqual([0, 0, 0]);
    expect(m.report).toMatchObject({ travellers: 3, errors: 0, warnings: 0 });
    const parts = readMessage(readFileSync(join(DIR, 'ok/paxlst-multipart.edi')), {
      now: NOW,
      mergeParts: false,
    }).messages;
    expect(parts.map((p) => p.multipart)).toEqual([
      { reference: 'ZZ400MP', sequence: 1, final: false },
      { reference: 'ZZ400MP', sequence: 2, final: true },
    ]);
  });

  it('odd delimiters: * element separator, $ terminator, \\ release character', () => {
    const [m] = read('ok/paxlst-odd-delimiters.edi').messages;
    expect(m.travellers[0]).toMatchObject({
      surname: "O'HARA-SMITH*JONES",
      givenNames: 'MAEVE',
      pnr: { locator: 'AB$C12' },
    });
    expect(m.report.findings).toEqual([]);
  });
});

describe('not-ok/ fixtures', () => {
  it.each([
    ['not-ok/not-edifact.xml', 'NOT_EDIFACT'],
    ['not-ok/empty.edi', 'NOT_EDIFACT'],
    ['not-ok/no-message-header.edi', 'EDIFACT_SYNTAX'],
    ['not-ok/unsupported-cusres.edi', 'UNSUPPORTED_MESSAGE'],
    ['not-ok/truncated.json', 'INVALID_JSON_MANIFEST'],
    ['not-ok/wrong-shape.json', 'INVALID_JSON_MANIFEST'],
  ])('%s → %s', (file, code) => {
    let error: unknown;
    try {
      read(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EdifactError);
    expect((error as EdifactError).code).toBe(code);
  });

  it('covers every not-ok/ file', () => {
    expect(readdirSync(join(DIR, 'not-ok')).sort()).toEqual([
      'empty.edi',
      'no-message-header.edi',
      'not-edifact.xml',
      'truncated.json',
      'unsupported-cusres.edi',
      'wrong-shape.json',
    ]);
  });

  it('names segment positions, never values', () => {
    expect(() => read('not-ok/unsupported-cusres.edi')).toThrow(
      'message type CUSRES is not PAXLST or PNRGOV (segment 2)',
    );
  });
});
