import type { Decision } from '@paxscreen/contracts';

import { markTravellerStatus, MarkableDecision, statusDecisionId } from './traveller-status';

const decision = (outcome: Decision['outcome']): Decision => ({
  decisionId: 'd-1',
  travellerId: 't-1',
  outcome,
  reasons: [
    {
      kind: 'WATCHLIST',
      action: 'REFER',
      source: { listId: 'UN', entryId: 'QDi.1' },
      score: 0.9,
      matchedFields: ['name'],
      explanation: 'name 0.90',
    },
  ],
  listVersions: { UN: 'v1' },
  timings: { decidedAt: 1, screeningMs: 3, receivedAt: 0 },
});
const entry = (outcome: Decision['outcome']): MarkableDecision => ({
  manifestId: 'ZZ0042:2026-12-06:-:PASSENGERS',
  flight: { carrier: 'ZZ', number: '0042', departure: { port: 'LHR' }, arrival: { port: 'JFK' } },
  subject: {
    surname: 'TESTER',
    givenNames: 'AMELIA',
    documents: [{ type: 'P', number: 'X1', issuer: 'GBR' }],
  },
  decision: decision(outcome),
  occurredAt: '2026-12-06T10:00:00.000Z',
});
const AT = '2026-12-06T21:15:00.000Z';

describe('marking a traveller cancelled or offloaded', () => {
  it.each(['CLEAR', 'REFER', 'NO_BOARD'] as const)(
    'keeps a %s decision and its reasons, superseding it',
    (outcome) => {
      const marked = markTravellerStatus(entry(outcome), { state: 'CANCELLED', at: AT })!;
      expect(marked.travellerStatus).toEqual({ state: 'CANCELLED', at: AT });
      expect(marked.decision).toMatchObject({
        outcome,
        travellerId: 't-1',
        supersedes: 'd-1',
        reasons: entry(outcome).decision.reasons,
        listVersions: { UN: 'v1' },
      });
      expect(marked.decision.timings).toMatchObject({
        decidedAt: Date.parse(AT),
        screeningMs: 0,
        receivedAt: 0,
      });
      expect(marked.occurredAt).toBe(AT);
      expect(marked.manifestId).toBe(entry(outcome).manifestId);
    },
  );

  it('gives a repeated report the same decision id, and writes nothing for a status already there', () => {
    const first = markTravellerStatus(entry('CLEAR'), { state: 'OFFLOADED', at: AT })!;
    const again = markTravellerStatus(entry('CLEAR'), {
      state: 'OFFLOADED',
      at: '2026-12-06T21:16:00.000Z',
    })!;
    expect(again.decision.decisionId).toBe(first.decision.decisionId);
    expect(markTravellerStatus(first, { state: 'OFFLOADED', at: AT })).toBeUndefined();
  });

  it('lets an offloaded traveller be cancelled later (another status, another decision)', () => {
    const offloaded = markTravellerStatus(entry('CLEAR'), { state: 'OFFLOADED', at: AT })!;
    const cancelled = markTravellerStatus(offloaded, { state: 'CANCELLED', at: AT })!;
    expect(cancelled.decision.supersedes).toBe(offloaded.decision.decisionId);
    expect(cancelled.decision.decisionId).not.toBe(offloaded.decision.decisionId);
  });

  it('derives ids shaped like screening decision ids, distinct per status', () => {
    expect(statusDecisionId('d-1', 'CANCELLED')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(statusDecisionId('d-1', 'CANCELLED')).not.toBe(statusDecisionId('d-1', 'OFFLOADED'));
  });
});
