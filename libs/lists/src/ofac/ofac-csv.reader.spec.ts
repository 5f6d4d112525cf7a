import type { WatchlistEntry } from '@paxscreen/contracts';

import type { WatchlistReadResult } from '../core/list-format';
import { readList, readListFile } from '../read-list';
import { listPath } from '../testing/fixtures';

const csv = (name: string, text: string) => ({ name, bytes: Buffer.from(text, 'latin1') });

async function watchlist(path: string): Promise<WatchlistReadResult> {
  const read = await readListFile(path);
  if (read.kind !== 'watchlist') throw new Error('expected a watchlist');
  return read;
}

describe('OFAC CSV reader', () => {
  describe('ofac_tiny (sdn + alt + add + comments)', () => {
    let tiny: WatchlistReadResult;
    const entry = (id: string): WatchlistEntry => tiny.entries.find((e) => e.entryId === id)!;
    beforeAll(async () => {
      tiny = await watchlist(listPath('ofac_tiny'));
    });

    it('reads the set as one list', () => {
      expect(tiny.format).toBe('OFAC_SDN_CSV');
      expect(tiny.listId).toBe('OFAC-SDN');
      expect(tiny.stats).toMatchObject({ rows: 17, entries: 17, persons: 4, entities: 13, skipped: 0 });
      expect(tiny.stats.byKind).toEqual({ PERSON: 4, ENTITY: 7, VESSEL: 4, AIRCRAFT: 2 });
    });

    it('reads 29702 LIFSHITS: name parts, DOB, nationality, gender, passport, programs', () => {
      expect(entry('29702')).toMatchObject({
        kind: 'PERSON',
        names: [
          {
            full: 'LIFSHITS, Artem Mikhaylovich',
            type: 'primary',
            surname: 'LIFSHITS',
            givenNames: 'Artem Mikhaylovich',
          },
        ],
        datesOfBirth: [{ date: '1992-12-26' }],
        nationalities: ['RUS'],
        gender: 'M',
        documents: [{ type: 'P', number: '719032284' }],
        programs: ['CYBER2', 'ELECTION-EO13848'],
      });
    });

    it('joins alt.csv aliases and keeps remark a.k.a.s as weak aliases (48603)', () => {
      const e = entry('48603');
      expect(e.names.map((n) => [n.full, n.type])).toEqual([
        ['KHOROSHEV, Dmitry Yuryevich', 'primary'],
        ['KHOROSHEV, Dmitriy Yurevich', 'alias'],
        ['YURIEVICH, Dmitry', 'alias'],
        ['KHOROSHEV, Dmitrii Yuryevich', 'alias'],
        ['LOCKBITSUPP', 'weak'],
      ]);
      expect(e.documents).toEqual([
        { type: 'P', number: '2018278055', issuer: 'RUS' },
        { type: 'P', number: '2006801524', issuer: 'RUS' },
      ]);
      expect(e.placesOfBirth).toEqual(['Russian Federation']);
    });

    it('appends sdn_comments.csv to the remarks before reading them (33151)', () => {
      expect(entry('33151').names).toContainEqual({ full: 'SUCCESSFUL EXCHANGE', type: 'weak' });
    });

    it('reads vessels with their flag (47371)', () => {
      expect(entry('47371')).toMatchObject({
        kind: 'VESSEL',
        nationalities: ['GAB'],
        programs: ['RUSSIA-EO14024'],
      });
    });

    it('reports side-file rows that point at no entry, once per file', () => {
      expect(tiny.findings.map((f) => [f.code, f.field])).toEqual([
        ['UNMATCHED_ROWS', 'alt.csv'],
        ['UNMATCHED_ROWS', 'add.csv'],
      ]);
    });
  });

  it('reads the 2021 SDN set and the 2024 SDN file with counts from the publisher', async () => {
    const set = await watchlist(listPath('ofac_sdn_2021'));
    expect(set.stats).toMatchObject({ rows: 8976, entries: 8976, persons: 4620, skipped: 0 });
    expect(set.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const single = await watchlist(listPath('sdn_2024-05-03.csv'));
    expect(single.stats).toMatchObject({ rows: 14965, entries: 14965, persons: 6854, skipped: 0 });
    expect(single.stats.byKind).toEqual({ PERSON: 6854, ENTITY: 6884, VESSEL: 851, AIRCRAFT: 376 });
  });

  it('reads the consolidated (non-SDN) set under its own list id', async () => {
    const cons = await watchlist(listPath('ofac_cons_nonsdn'));
    expect(cons.format).toBe('OFAC_CONS_CSV');
    expect(cons.listId).toBe('OFAC-CONS');
    expect(cons.stats).toMatchObject({ entries: 442, persons: 79, skipped: 0 });
  });

  it('decodes Windows-1252 bytes and ignores the EOF marker', async () => {
    const text =
      '100,"MU\xD1OZ, Jos\xE9","individual","SDNT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970 to 1975; POB Bogot\xE1, Colombia; Cedula No. 123 (Colombia)."\r\n\x1a';
    const read = await readList(csv('sdn.csv', text));
    expect(read.encoding).toBe('windows-1252');
    expect(read.findings).toEqual([]);
    expect(read.entries).toEqual([
      expect.objectContaining({
        names: [{ full: 'MUÑOZ, José', type: 'primary', surname: 'MUÑOZ', givenNames: 'José' }],
        datesOfBirth: [{ from: '1970', to: '1975' }],
        placesOfBirth: ['Bogotá, Colombia'],
        documents: [{ type: 'I', number: '123', issuer: 'COL' }],
      }),
    ]);
  });

  it('bad rows give findings with line numbers; good rows are still read', async () => {
    const text = [
      '1,"GOOD, One","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970"',
      'x,"NO ID","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
      '3,"BROKEN QUOTE,individual,SDGT,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
      '4,-0- ,"individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
      '1,"GOOD, Again","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
      '6,"GOOD, Two","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 31 Feb 1970"',
    ].join('\n');
    const read = await readList(csv('sdn.csv', text));
    expect(read.entries.map((e) => e.entryId)).toEqual(['1', '6']);
    expect(read.findings.map((f) => [f.code, f.segment])).toEqual([
      ['CSV_UNTERMINATED_QUOTE', 3],
      ['MISSING_ID', 2],
      ['MISSING_NAME', 4],
      ['DUPLICATE_ENTRY', 5],
      ['DATE_INVALID', 6],
    ]);
    expect(read.stats).toMatchObject({ rows: 5, entries: 2, skipped: 3 });
    expect(JSON.stringify(read.findings)).not.toMatch(/GOOD|BROKEN|1970/);
  });
});
