import type { WatchlistEntry } from '@paxscreen/contracts';

import { peoplePool, type PoolPerson, randomBirthDate, romanise, type Script } from './people';
import { Random } from './random';

/**
 * Generated watchlists of any size (for scaling runs past the real lists' 26,000 names): people
 * made like the travellers (a given name and a surname of two pool rows of one script), written
 * as lists publish them: a romanised primary name, the original-script name as a second name for
 * non-Latin people, an alias for one in four, a full birth date, a year or none, nationalities.
 */
const LIST_SCRIPTS: Readonly<Record<Script, number>> = {
  latin: 45,
  'latin-ext': 15,
  arabic: 20,
  han: 8,
  hangul: 4,
  cyrillic: 8,
};

export function generatedListEntries(count: number, seed: number, listId = 'GEN'): WatchlistEntry[] {
  const random = new Random(seed);
  const pool = peoplePool();
  const out: WatchlistEntry[] = [];
  for (let i = 0; i < count; i++) {
    const script = random.weighted(LIST_SCRIPTS);
    const rows: PoolPerson[] = pool.get(script) ?? pool.get('latin')!;
    const a = random.pick(rows);
    const b = random.pick(rows);
    const latin = script === 'latin' || script === 'latin-ext';
    const primary = latin
      ? `${a.given} ${b.surname}`.toUpperCase()
      : `${romanise(a.given)} ${romanise(b.surname)}`;
    const names: WatchlistEntry['names'] = [
      {
        full: primary,
        type: 'primary',
        surname: primary.split(' ').pop(),
        givenNames: primary.split(' ').slice(0, -1).join(' '),
      },
    ];
    if (!latin) names.push({ full: `${b.surname} ${a.given}`, type: 'original' });
    if (random.chance(0.25)) {
      const c = random.pick(rows);
      names.push({
        full: (latin
          ? `${c.given} ${b.surname}`
          : `${romanise(c.given)} ${romanise(b.surname)}`
        ).toUpperCase(),
        type: 'alias',
      });
    }
    const dob = a.dateOfBirth ?? randomBirthDate(random);
    const dates = random.chance(0.6)
      ? [{ date: dob }]
      : random.chance(0.5)
        ? [{ date: dob.slice(0, 4) }]
        : [];
    out.push({
      listId,
      entryId: String(i),
      kind: 'PERSON',
      names,
      datesOfBirth: dates,
      placesOfBirth: [],
      nationalities: a.nationality ? [a.nationality] : [],
      documents: [],
      programs: ['GEN'],
    });
  }
  return out;
}
