import { testDecisionEvent } from '@paxscreen/testing';

import { decisionRow } from '../mapping/rows';
import { decisionNameRows } from './decision-names';

const decision = (date: string, givenNames: string, surname: string) =>
  decisionRow(
    testDecisionEvent(
      { carrier: 'QF', number: '0001', date },
      { travellerId: `T-${surname}-${date}`, surname, givenNames },
    ),
  );

describe('decisionNameRows', () => {
  it('keeps one row per folded name with its latest travel date, in key order', () => {
    const rows = decisionNameRows([
      decision('2026-12-07', 'Mohamed', 'Ali'),
      decision('2026-12-09', 'MOHAMED', 'ALI'),
      decision('2026-12-08', 'mohamed', 'ali'),
      decision('2026-12-01', 'José', 'Müller'),
    ]);
    expect(rows).toEqual([
      { name_search: 'JOSE MULLER', name_skeleton: 'JS MLR', last_travel_date: '2026-12-01' },
      { name_search: 'MOHAMED ALI', name_skeleton: 'L MHMD', last_travel_date: '2026-12-09' },
    ]);
  });

  it('leaves out names with nothing searchable and an empty batch', () => {
    expect(decisionNameRows([decision('2026-12-07', '', '---')])).toEqual([]);
    expect(decisionNameRows([])).toEqual([]);
  });
});
