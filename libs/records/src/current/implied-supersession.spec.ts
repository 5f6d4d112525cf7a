import { testDecisionEvent } from '@paxscreen/testing';

import { decisionRow } from '../mapping/rows';
import { impliedSupersession, KeyDecision, travellerFlightKeys } from './implied-supersession';

const key = { traveller_id: 'T1', carrier: 'QF', flight_number: '0001', travel_date: '2026-12-07' };
const d = (id: string, at: string, over: Partial<KeyDecision> = {}): KeyDecision => ({
  ...key,
  decision_id: id,
  decided_at: new Date(at),
  named: false,
  marked: false,
  ...over,
});

/** The marks after filing `order` one decision at a time, as the writer does (state carried over). */
function fileInOrder(order: readonly KeyDecision[]): string[] {
  const marks = new Set<string>();
  const seen: KeyDecision[] = [];
  for (const next of order) {
    seen.push(next);
    const { mark, unmark } = impliedSupersession(
      seen.map((s) => ({ ...s, marked: marks.has(s.decision_id) })),
    );
    for (const id of unmark) marks.delete(id);
    for (const m of mark) marks.add(m.decision_id);
  }
  return [...marks].sort();
}

describe('impliedSupersession', () => {
  it('marks the earlier decision of a traveller on a flight when the later names nothing', () => {
    const first = d('D-A', '2026-12-07T08:00:00Z');
    const again = d('D-B', '2026-12-07T09:00:00Z');
    expect(impliedSupersession([first, again])).toEqual({
      mark: [{ decision_id: 'D-A', travel_date: '2026-12-07' }],
      unmark: [],
    });
  });

  it('is idempotent: a mark already filed is not filed again', () => {
    const first = d('D-A', '2026-12-07T08:00:00Z', { marked: true });
    expect(impliedSupersession([first, d('D-B', '2026-12-07T09:00:00Z')])).toEqual({ mark: [], unmark: [] });
  });

  it('a replay of the older decision after the newer one leaves the newer current', () => {
    const older = d('D-A', '2026-12-07T08:00:00Z');
    const newer = d('D-B', '2026-12-07T09:00:00Z');
    expect(fileInOrder([newer, older])).toEqual(['D-A']);
    expect(fileInOrder([older, newer, older])).toEqual(['D-A']);
    expect(fileInOrder([older, newer])).toEqual(['D-A']);
  });

  it('ties on the decision time go to the greater decision id', () => {
    expect(fileInOrder([d('D-B', '2026-12-07T08:00:00Z'), d('D-A', '2026-12-07T08:00:00Z')])).toEqual([
      'D-A',
    ]);
  });

  it('an explicit supersedes wins over the clock, in any order', () => {
    // G is superseded by H (named) although H's clock is behind; F, not named, is current over H.
    const g = d('D-G', '2026-12-07T10:00:00Z', { named: true });
    const f = d('D-F', '2026-12-07T08:00:00Z');
    const h = d('D-H', '2026-12-07T07:00:00Z');
    const gUnnamed = { ...g, named: false };
    // G arrives before H names it: F is marked for a while, then taken back.
    expect(fileInOrder([gUnnamed, f])).toEqual(['D-F']);
    const marks = new Set(['D-F']);
    const { mark, unmark } = impliedSupersession(
      [g, f, h].map((x) => ({ ...x, marked: marks.has(x.decision_id) })),
    );
    expect(unmark).toEqual(['D-F']);
    expect(mark).toEqual([{ decision_id: 'D-H', travel_date: '2026-12-07' }]);
  });

  it('never marks a named decision (its explicit mark is filed already) nor the only candidate', () => {
    expect(
      impliedSupersession([
        d('D-A', '2026-12-07T08:00:00Z', { named: true, marked: true }),
        d('D-S', '2026-12-07T08:00:00Z'),
      ]),
    ).toEqual({ mark: [], unmark: [] });
  });

  it('keeps travellers and flights apart', () => {
    const other = { ...d('D-X', '2026-12-07T07:00:00Z'), traveller_id: 'T2' };
    const otherFlight = { ...d('D-Y', '2026-12-07T07:00:00Z'), flight_number: '0002' };
    const otherDay = { ...d('D-Z', '2026-12-07T07:00:00Z'), travel_date: '2026-12-08' };
    expect(impliedSupersession([d('D-A', '2026-12-07T09:00:00Z'), other, otherFlight, otherDay])).toEqual({
      mark: [],
      unmark: [],
    });
  });
});

describe('travellerFlightKeys', () => {
  it('gives each traveller on a flight once, in key order', () => {
    const row = (travellerId: string, date: string) =>
      decisionRow(
        testDecisionEvent(
          { carrier: 'QF', number: '0001', date },
          { travellerId, surname: 'LEE', givenNames: 'ANNA' },
        ),
      );
    expect(
      travellerFlightKeys([row('T2', '2026-12-07'), row('T1', '2026-12-07'), row('T2', '2026-12-07')]),
    ).toEqual([
      { traveller_id: 'T1', carrier: 'QF', flight_number: '0001', travel_date: '2026-12-07' },
      { traveller_id: 'T2', carrier: 'QF', flight_number: '0001', travel_date: '2026-12-07' },
    ]);
    expect(travellerFlightKeys([])).toEqual([]);
  });
});
