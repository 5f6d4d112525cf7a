import { ENTRY_FACT_MAX } from '@paxscreen/contracts';

import { listedFactsOf } from './listed-facts';
import type { EntryFacts } from './model';

const facts = (over: Partial<EntryFacts> = {}): EntryFacts => ({
  kind: 'PERSON',
  datesOfBirth: [],
  nationalities: [],
  documents: [],
  placesOfBirth: [],
  ...over,
});

describe('listedFactsOf', () => {
  it('says the listed birth dates, nationalities and documents as the entry gives them', () => {
    expect(
      listedFactsOf(
        'Ahmad AL-SAYED',
        facts({
          datesOfBirth: [
            { date: '1970-03-04' },
            { from: '1968', to: '1972' },
            { date: '1971', qualifier: 'circa' },
          ],
          nationalities: ['SYR', 'IRQ'],
          documents: [{ number: 'N0001', issuer: 'SYR' }, { number: 'X9' }],
        }),
      ),
    ).toEqual({
      name: 'Ahmad AL-SAYED',
      dateOfBirth: '1970-03-04; 1968..1972; circa 1971',
      nationality: 'SYR; IRQ',
      document: 'SYR:N0001; X9',
    });
  });

  it('leaves out what the entry does not list', () => {
    expect(listedFactsOf('Ahmad AL-SAYED', facts())).toEqual({ name: 'Ahmad AL-SAYED' });
    expect(listedFactsOf('A', facts({ datesOfBirth: [{ qualifier: 'circa' }] }))).toEqual({ name: 'A' });
  });

  it('cuts a long value to the contract limit', () => {
    const documents = Array.from({ length: 40 }, (_, i) => ({ number: `DOC${i}NUMBER`, issuer: 'SYR' }));
    const listed = listedFactsOf('A', facts({ documents }));
    expect(listed.document).toHaveLength(ENTRY_FACT_MAX);
    expect(listed.document!.endsWith('…')).toBe(true);
  });
});
