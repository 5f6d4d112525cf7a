import type { Outcome } from '@paxscreen/contracts';

import { answerForDocument, type CurrentDecision } from './document-answer';

const entry = (
  manifestId: string,
  outcome: Outcome,
  occurredAt: string,
  surname = 'SMITH',
  dateOfBirth = '1980-01-01',
): CurrentDecision => ({
  manifestId,
  occurredAt,
  flight: {
    carrier: manifestId.slice(0, 2),
    number: '0001',
    departure: { port: 'CDG' },
    arrival: { port: 'JFK' },
  },
  subject: {
    surname,
    givenNames: 'JOHN',
    dateOfBirth,
    documents: [{ type: 'P', number: 'X1', issuer: 'FRA' }],
  },
  decision: {
    decisionId: `d-${manifestId}`,
    travellerId: `t-${manifestId}`,
    outcome,
    reasons: [],
    listVersions: {},
    timings: { decidedAt: 0, screeningMs: 0 },
  },
});

describe('answerForDocument', () => {
  it('has no answer without a decision', () => {
    expect(answerForDocument([])).toBeUndefined();
  });

  it('answers the most severe decision, whatever came later, and lists the others', () => {
    const answer = answerForDocument([
      entry('AF1', 'NO_BOARD', '2026-12-01T10:00:00Z'),
      entry('BA1', 'CLEAR', '2026-12-01T11:00:00Z'),
      entry('LH1', 'REFER', '2026-12-01T12:00:00Z'),
    ])!;
    expect(answer.primary.manifestId).toBe('AF1');
    expect(answer.decision.outcome).toBe('NO_BOARD');
    expect(answer.others.map((o) => o.manifestId)).toEqual(['LH1', 'BA1']);
    expect(answer.findings).toEqual([]);
  });

  it('takes the latest among equally severe decisions', () => {
    const answer = answerForDocument([
      entry('AF1', 'CLEAR', '2026-12-01T10:00:00Z'),
      entry('AF2', 'CLEAR', '2026-12-02T10:00:00Z'),
    ])!;
    expect(answer.primary.manifestId).toBe('AF2');
  });

  it.each([
    ['another name', 'JONES', '1980-01-01'],
    ['another birth date', 'SMITH', '1990-05-05'],
  ])('refers a document presented under %s, with a finding', (_label, surname, dob) => {
    const answer = answerForDocument([
      entry('AF1', 'CLEAR', '2026-12-01T10:00:00Z'),
      entry('BA1', 'CLEAR', '2026-12-01T11:00:00Z', surname, dob),
    ])!;
    expect(answer.decision.outcome).toBe('REFER');
    expect(answer.decision.reasons).toContainEqual(
      expect.objectContaining({ kind: 'DOCUMENT_CONFLICT', action: 'REFER' }),
    );
    expect(answer.findings).toEqual([expect.objectContaining({ code: 'DOCUMENT_CONFLICT' })]);
  });

  it('keeps a NO_BOARD as it is when the document is also in conflict', () => {
    const answer = answerForDocument([
      entry('AF1', 'NO_BOARD', '2026-12-01T10:00:00Z'),
      entry('BA1', 'CLEAR', '2026-12-01T11:00:00Z', 'JONES'),
    ])!;
    expect(answer.decision.outcome).toBe('NO_BOARD');
    expect(answer.decision.reasons.map((r) => r.kind)).toEqual(['DOCUMENT_CONFLICT']);
  });
});
