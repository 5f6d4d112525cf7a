import type { WatchlistEntry } from '@paxscreen/contracts';

import type { WatchlistReadResult } from '../core/list-format';
import { readList, readListFile } from '../read-list';
import { listPath } from '../testing/fixtures';

const xml = (body: string) => ({
  name: 'un.xml',
  bytes: Buffer.from(
    `<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-01-01">${body}</CONSOLIDATED_LIST>`,
  ),
});
const individual = (inner: string) => `<INDIVIDUALS><INDIVIDUAL>${inner}</INDIVIDUAL></INDIVIDUALS>`;

describe('UN consolidated XML reader', () => {
  let un: WatchlistReadResult;
  const entry = (id: string): WatchlistEntry => un.entries.find((e) => e.entryId === id)!;

  beforeAll(async () => {
    const read = await readListFile(listPath('UN_consolidated.xml'));
    if (read.kind !== 'watchlist') throw new Error('expected a watchlist');
    un = read;
  });

  it('reads every individual and entity of the published list', () => {
    expect(un.format).toBe('UN_XML');
    expect(un.listId).toBe('UN');
    expect(un.publishedAt).toBe('2026-02-27T00:00:09.554Z');
    expect(un.stats).toMatchObject({ rows: 1003, entries: 1003, persons: 730, entities: 273, skipped: 0 });
    expect(un.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a person with an approximate birth-year range and an original-script name (TAi.002)', () => {
    const e = entry('TAi.002');
    expect(e.kind).toBe('PERSON');
    expect(e.names[0]).toEqual({
      full: 'MOHAMMAD HASSAN AKHUND',
      type: 'primary',
      givenNames: 'MOHAMMAD',
      surname: 'HASSAN AKHUND',
    });
    expect(e.names).toContainEqual({ full: 'محمد حسن آخوند', type: 'original' });
    expect(e.datesOfBirth).toEqual([
      { from: '1955', to: '1958', qualifier: 'approximately' },
      { from: '1945', to: '1950', qualifier: 'approximately' },
    ]);
    expect(e.nationalities).toEqual(['AFG']);
    expect(e.programs).toEqual(['Taliban', 'TAi']);
    expect(e.listedOn).toBe('2001-01-25');
  });

  it('reads aliases by quality, several exact DOBs and a passport (QDi.081)', () => {
    const e = entry('QDi.081');
    expect(e.names.filter((n) => n.type === 'alias')).toHaveLength(10);
    expect(e.names).toContainEqual({ full: 'Ramzi Omar', type: 'weak' });
    expect(e.datesOfBirth).toEqual([{ date: '1972-05-01' }, { date: '1973-09-16' }]);
    expect(e.placesOfBirth).toEqual(['Gheil Bawazir, Hadramawt, Yemen', 'Khartoum, Sudan']);
    expect(e.documents).toEqual([{ type: 'P', number: '00085243', issuer: 'YEM' }]);
  });

  it('keeps an approximate year next to an exact one, and a document note (TAi.011)', () => {
    const e = entry('TAi.011');
    expect(e.datesOfBirth).toEqual([{ date: '1960', qualifier: 'approximately' }, { date: '1966' }]);
    expect(e.documents).toEqual([
      { type: 'P', number: 'SE-011697', issuer: 'AFG', note: 'expired on 23 Feb. 2000' },
    ]);
  });

  it('reads an entity with its aliases (KPe.001)', () => {
    const e = entry('KPe.001');
    expect(e.kind).toBe('ENTITY');
    expect(e.names.map((n) => n.type)).toEqual(['primary', 'alias', 'alias', 'alias', 'alias']);
    expect(e.datesOfBirth).toEqual([]);
  });

  it('maps every UN nationality spelling but one ("former Soviet Union") to alpha-3', () => {
    const unknown = un.findings.filter((f) => f.code === 'UNKNOWN_COUNTRY');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ field: 'NATIONALITY', segment: expect.any(Number) });
    for (const e of un.entries) for (const n of e.nationalities) expect(n).toMatch(/^[A-Z]{3}$/);
  });

  it('reports unreadable birth-date notes with the entry line, without their content', () => {
    const notes = un.findings.filter((f) => f.code === 'DATE_UNREADABLE');
    expect(notes.length).toBeGreaterThan(0);
    for (const f of notes) {
      expect(f.segment).toBeGreaterThan(0);
      expect(f.message).not.toMatch(/Hijri|years old|\d{4}/);
    }
  });

  it.each([
    [
      'an entry without REFERENCE_NUMBER is skipped with a finding',
      individual('<FIRST_NAME>A</FIRST_NAME>'),
      'MISSING_ID',
    ],
    [
      'an entry without a name is skipped with a finding',
      individual('<REFERENCE_NUMBER>QDi.900</REFERENCE_NUMBER>'),
      'MISSING_NAME',
    ],
  ])('%s', async (_label, body, code) => {
    const read = await readList(xml(body));
    expect(read.entries).toHaveLength(0);
    expect(read.stats.skipped).toBe(1);
    expect(read.findings.map((f) => f.code)).toEqual([code]);
  });

  it('keeps the good entries next to a bad one', async () => {
    const body = `<INDIVIDUALS>
<INDIVIDUAL><FIRST_NAME>NO REF</FIRST_NAME></INDIVIDUAL>
<INDIVIDUAL><REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER><FIRST_NAME>JOHN</FIRST_NAME><SECOND_NAME>DOE</SECOND_NAME>
<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1970</FROM_YEAR><TO_YEAR>1972</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>National Identification Number</TYPE_OF_DOCUMENT><NUMBER>0123</NUMBER><ISSUING_COUNTRY>Iran (Islamic Republic of)</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
</INDIVIDUAL></INDIVIDUALS>`;
    const read = await readList(xml(body));
    expect(read.entries).toEqual([
      expect.objectContaining({
        entryId: 'QDi.901',
        datesOfBirth: [{ from: '1970', to: '1972' }],
        documents: [{ type: 'I', number: '0123', issuer: 'IRN' }],
      }),
    ]);
    expect(read.findings).toEqual([expect.objectContaining({ code: 'MISSING_ID', segment: 2 })]);
  });
});
