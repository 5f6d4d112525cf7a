import { identityKey } from '@paxscreen/contracts';

import { applyDecision, hitIdOf, hitFlightOf, hitReasonsOf, summaryOf } from './hit';
import { decisionEvent, NOW, POLICY, reason } from './hit.factories';

const open = (arrivalAt = '2026-12-06T13:00') =>
  applyDecision(undefined, decisionEvent('REFER', { arrivalAt }), NOW, POLICY).hit!;

describe('applyDecision', () => {
  it.each(['CLEAR', 'EXPEDITE'] as const)('opens nothing for %s', (outcome) =>
    expect(applyDecision(undefined, decisionEvent(outcome), NOW, POLICY)).toEqual({ alerts: [] }),
  );

  it('opens one NEW hit per traveller and flight, masked in its summary', () => {
    const effect = applyDecision(undefined, decisionEvent('REFER'), NOW, POLICY);
    const event = decisionEvent('REFER');
    expect(effect.transition).toBe('OPENED');
    expect(effect.hit).toMatchObject({
      hitId: hitIdOf(identityKey(event.subject), hitFlightOf(event.flight)),
      status: 'NEW',
      version: 1,
      port: 'SYD',
      listIds: ['UN'],
      ruleIds: [],
      score: 0.91,
    });
    expect(effect.hit!.reasons[0]).toMatchObject({ reasonKey: 'WATCHLIST:UN:QDi.001', entryVersion: 'v1' });
    expect(summaryOf(effect.hit!).traveller).toEqual({
      maskedName: 'A*-S**** A****',
      nationality: 'SYR',
      birthYear: '1970',
    });
    expect(JSON.stringify(summaryOf(effect.hit!))).not.toContain('N0001');
  });

  it.each([
    ['arriving in 3 h: opened and near arrival', '2026-12-06T13:00', ['HIT_OPENED', 'HIT_NEAR_ARRIVAL']],
    ['arriving in 2 days: opened only', '2026-12-08T13:00', ['HIT_OPENED']],
  ])('alerts a hit %s', (_, arrivalAt, alerts) =>
    expect(applyDecision(undefined, decisionEvent('REFER', { arrivalAt }), NOW, POLICY).alerts).toEqual(
      alerts,
    ),
  );

  it('says REVET_RAISED when a re-vet opens a hit or raises its outcome', () => {
    const raisedFromClear = applyDecision(
      undefined,
      decisionEvent('REFER', { supersedes: 'd0', arrivalAt: '2026-12-09T00:00' }),
      NOW,
      POLICY,
    );
    expect(raisedFromClear.alerts).toEqual(['HIT_OPENED', 'REVET_RAISED']);
    const raised = applyDecision(
      open('2026-12-09T00:00'),
      decisionEvent('NO_BOARD', { decisionId: 'd2', supersedes: 'd1', arrivalAt: '2026-12-09T00:00' }),
      NOW,
      POLICY,
    );
    expect(raised).toMatchObject({
      transition: 'UPDATED',
      alerts: ['REVET_RAISED'],
      hit: { outcome: 'NO_BOARD', version: 2 },
    });
  });

  it('keeps verdicts on an update, and a decided hit stays decided when nothing new refers', () => {
    const decided = {
      ...open(),
      status: 'DECIDED' as const,
      reasons: open().reasons.map((r) => ({ ...r, verdict: 'TRUE_MATCH' as const })),
    };
    const again = applyDecision(decided, decisionEvent('REFER', { decisionId: 'd2' }), NOW, POLICY);
    expect(again).toMatchObject({ transition: 'UPDATED', alerts: [], hit: { status: 'DECIDED' } });
    expect(again.hit!.reasons[0].verdict).toBe('TRUE_MATCH');
  });

  it('reopens a decided hit when a referring reason without a verdict appears (new entry version)', () => {
    const decided = {
      ...open(),
      status: 'DECIDED' as const,
      claimedBy: 'a1',
      reasons: open().reasons.map((r) => ({ ...r, verdict: 'FALSE_POSITIVE' as const })),
    };
    const v2 = reason({ source: { listId: 'UN', entryId: 'QDi.001', listVersion: 'v2' } });
    const effect = applyDecision(
      decided,
      decisionEvent('REFER', { decisionId: 'd2', reasons: [v2] }),
      NOW,
      POLICY,
    );
    expect(effect).toMatchObject({ transition: 'REOPENED', hit: { status: 'NEW' } });
    expect(effect.hit!.claimedBy).toBeUndefined();
  });

  it('closes a NEW hit when screening no longer refers, and leaves a claimed one to its analyst', () => {
    expect(applyDecision(open(), decisionEvent('CLEAR', { decisionId: 'd2' }), NOW, POLICY)).toMatchObject({
      transition: 'CLEARED_BY_SCREENING',
      hit: { status: 'CLOSED', outcome: 'CLEAR' },
    });
    const claimed = { ...open(), status: 'IN_REVIEW' as const, claimedBy: 'a1' };
    expect(
      applyDecision(claimed, decisionEvent('CLEAR', { decisionId: 'd2' }), NOW, POLICY).hit,
    ).toMatchObject({ status: 'IN_REVIEW' });
  });

  it('lands every screening of one traveller on one flight on one hit, and another birth date on another', () => {
    const a = decisionEvent('REFER');
    const b = decisionEvent('REFER', { decisionId: 'd9' });
    const c = decisionEvent('REFER', { dateOfBirth: '1970-03-05' });
    const id = (e: typeof a) => hitIdOf(identityKey(e.subject), hitFlightOf(e.flight));
    expect(id(a)).toBe(id(b));
    expect(id(a)).not.toBe(id(c));
  });
});

describe('hitReasonsOf', () => {
  const fieldsOf = (r: ReturnType<typeof reason>) =>
    hitReasonsOf(decisionEvent('REFER', { reasons: [r] }).decision)[0].fields;

  it('puts each listed value beside the comparison, and a field the entry lacks is NOT_LISTED', () => {
    const fields = fieldsOf(
      reason({
        source: {
          listId: 'UN',
          entryId: 'QDi.001',
          listVersion: 'v1',
          entryFacts: { name: 'Ahmad AL-SAYED', dateOfBirth: '1970-03-04', nationality: 'IRQ' },
        },
        matchedFields: ['name', 'dateOfBirth'],
      }),
    );
    expect(fields).toEqual([
      { field: 'name', entry: 'Ahmad AL-SAYED', comparison: 'AGREES', agrees: true },
      { field: 'dateOfBirth', entry: '1970-03-04', comparison: 'AGREES', agrees: true },
      { field: 'nationality', entry: 'IRQ', comparison: 'DIFFERS', agrees: false },
      { field: 'document', comparison: 'NOT_LISTED', agrees: false },
    ]);
  });

  it('compares a lost/stolen document on the document alone', () => {
    const fields = fieldsOf(
      reason({
        kind: 'LOST_STOLEN_DOCUMENT',
        action: 'NO_BOARD',
        source: { listId: 'SLTD', entryId: 'L1', entryFacts: { document: 'SYR:N0001' } },
        matchedFields: ['document.number', 'document.issuer'],
        label: 'STOLEN passport',
      }),
    );
    expect(fields.map((f) => [f.field, f.comparison, f.entry])).toEqual([
      ['name', 'NOT_LISTED', undefined],
      ['dateOfBirth', 'NOT_LISTED', undefined],
      ['nationality', 'NOT_LISTED', undefined],
      ['document', 'AGREES', 'SYR:N0001'],
    ]);
  });

  it('reads an older reason (no entry facts): the listed name only, what does not agree differs', () => {
    expect(fieldsOf(reason()).map((f) => [f.field, f.comparison, f.entry])).toEqual([
      ['name', 'AGREES', 'AL-SAYED, Ahmad'],
      ['dateOfBirth', 'AGREES', undefined],
      ['nationality', 'DIFFERS', undefined],
      ['document', 'DIFFERS', undefined],
    ]);
  });
});
