import type { WatchlistEntry } from '@paxscreen/contracts';

import { parseCsvRecords } from '@paxscreen/lists';
import { MatchIndex, readYenteQueries } from '@paxscreen/matching';
import { nameBenchCases, runNameBench } from './name-bench';
import { linkByName, negativesAlertRate, positivesRecall, tokenPairs } from './screening-sets';

const HEADER = 'full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality';
const country = (v: string) => ({ af: 'AFG', eg: 'EGY', ethiopia: 'ETH' })[v.toLowerCase()];
const listed = (entryId: string, full: string, date: string, nationality: string): WatchlistEntry => ({
  listId: 'UN',
  entryId,
  kind: 'PERSON',
  names: [{ full, type: 'primary' }],
  datesOfBirth: [{ date }],
  placesOfBirth: [],
  nationalities: [nationality],
  documents: [],
  programs: [],
});

describe('evaluation harness on a handful of rows', () => {
  const entries = [
    listed('TAi.108', 'ABDULHAI SALEK', '1965', 'AFG'),
    listed('TAi.091', 'JANAN AGHA', '1958', 'AFG'),
    listed('QDi.017', 'THARWAT SALAH SHIHATA', '1960-06-29', 'EGY'),
  ];
  const index = new MatchIndex();
  for (const e of entries) index.add(e);
  const positives = readYenteQueries(
    `${HEADER}\nABDULHAI SALEK,,,,,1965,,af\nJANAN AGHA,,,,,1958,"Tirin Kot city, Afghanistan",af\nTHARWAT SALAH SHIHATA,,,,,1960-06-29,,eg\nNOT LISTED ANYMORE,,,,,,,\n`,
    country,
  );

  it.each(['untreated', 'typo', 'reordered'] as const)('measures recall on %s positives', (variant) => {
    const r = positivesRecall(index, positives, linkByName(entries), variant);
    expect(r).toMatchObject({ linked: 3, unlinked: 1, recallAt5: 1 });
  });

  it('measures the alert rate of negatives', () => {
    const negatives = readYenteQueries(
      `${HEADER}\nPatricia Lucas Wheeler,Patricia,Lucas,Wheeler,female,2002-07-14,Dar es Salaam,Ethiopia\nJANAN AGHA,,,,,1990-01-01,,af\n`,
      country,
    );
    const r = negativesAlertRate(index, negatives);
    expect(r.queries).toBe(2);
    expect(r.byOutcome.NONE).toBeGreaterThanOrEqual(1);
    expect(negatives[0]).toMatchObject({
      gender: 'F',
      nationality: 'ETH',
      givenNames: 'Patricia Lucas',
      surname: 'Wheeler',
    });
  });

  it('scores name_bench rows and token pairs', () => {
    const cases = nameBenchCases(
      parseCsvRecords(
        'case_group,schema,name1,name2,is_match,quality,category,notes\n' +
          'g,Person,Olaf Scholze,Olaf Scholz,true,STRONG,,\ng,Person,Angelo Cruz,Angela Merkel,false,MEDIUM,,\n' +
          'g,Company,Siemens AG,Siemens Aktiengesellschaft,true,MEDIUM,x,\n',
      ),
    );
    const r = runNameBench(cases);
    expect(r.all).toMatchObject({ tp: 2, tn: 1, fp: 0, fn: 0 });
    expect(Object.keys(r.bySchema)).toEqual(['Company', 'Person']);
    const pairs = tokenPairs('Russian', 'putin\tп у т и н\t3\nzzz\tп у т и н\t1\n');
    expect(pairs).toMatchObject({ pairs: 2, shareMatched: 0.5, shareMatchedWeighted: 0.75 });
  });

  it('reads quoted CSV fields', () => {
    expect(parseCsvRecords('\uFEFFa,"b, c","d ""e"""\r\n1,2,3\n')).toEqual([
      { a: '1', 'b, c': '2', 'd "e"': '3' },
    ]);
    expect(() => parseCsvRecords('a,b\n1,"open\n')).toThrow('line 2');
  });
});
