import { ContractViolation, DecisionMade, decodeEvent, ENTRY_FACT_MAX, validateContract } from '../..';

const decision = (entryFacts?: object) => ({
  schemaVersion: 1,
  eventId: 'e1',
  occurredAt: '2026-12-06T10:00:00.000Z',
  correlationId: 'r1',
  manifestId: 'QF0001:2026-12-06:A',
  flight: {
    carrier: 'QF',
    number: '0001',
    departure: { port: 'SIN', at: '2026-12-06T08:00' },
    arrival: { port: 'SYD', at: '2026-12-06T13:00' },
  },
  subject: { surname: 'AL-SAYED', givenNames: 'AHMAD', documents: [] },
  decision: {
    decisionId: 'd1',
    travellerId: 't1',
    outcome: 'REFER',
    reasons: [
      {
        kind: 'WATCHLIST',
        action: 'REFER',
        source: {
          listId: 'UN',
          entryId: 'QDi.001',
          listVersion: 'v1',
          ...(entryFacts ? { entryFacts } : {}),
        },
        score: 0.91,
        matchedFields: ['name'],
        explanation: 'name 0.91',
      },
    ],
    listVersions: { UN: 'v1' },
    timings: { decidedAt: 1, screeningMs: 0.2 },
  },
});

describe('decision-made contract: the listed values of a reason', () => {
  it('decodes a reason with and without its entry facts', () => {
    const facts = {
      name: 'Ahmad AL-SAYED',
      dateOfBirth: '1968..1972',
      nationality: 'SYR; IRQ',
      document: 'SYR:N1',
    };
    expect(
      decodeEvent(DecisionMade.Value, JSON.stringify(decision(facts))).decision.reasons[0].source,
    ).toEqual({
      listId: 'UN',
      entryId: 'QDi.001',
      listVersion: 'v1',
      entryFacts: facts,
    });
    expect(validateContract(DecisionMade.Value, decision())).toBeInstanceOf(DecisionMade.Value);
  });

  it.each([
    ['a number', { dateOfBirth: 1970 }],
    ['a value longer than the limit', { document: 'X'.repeat(ENTRY_FACT_MAX + 1) }],
    ['not an object', 'SYR'],
  ])('refuses entry facts holding %s', (_label, facts) => {
    expect(() => validateContract(DecisionMade.Value, decision(facts as object))).toThrow(ContractViolation);
  });
});
