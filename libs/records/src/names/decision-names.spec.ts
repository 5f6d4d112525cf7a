import { testDecisionEvent } from '@paxscreen/testing';

import { decisionRow } from '../mapping/rows';
import { decisionNameRows, supersededRows } from './decision-names';

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

describe('supersededRows', () => {
  it('marks each superseded decision once, dated by its latest superseding decision', () => {
    const d = (date: string, id: string, supersedes?: string) => ({
      ...decision(date, 'ANNA', 'LEE'),
      decision_id: id,
      supersedes: supersedes ?? null,
    });
    expect(
      supersededRows([d('2026-12-07', 'D2', 'D1'), d('2026-12-08', 'D3', 'D1'), d('2026-12-07', 'D1')]),
    ).toEqual([{ decision_id: 'D1', travel_date: '2026-12-08' }]);
  });
});
