/** Records as the services write them, for the specs of this lib (never exported by the lib). */
export const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
export const bytes = (v: unknown) => Buffer.from(JSON.stringify(v));

export const decisionRecord = (outcome: string, over: Record<string, unknown> = {}) =>
  bytes({
    schemaVersion: 1,
    eventId: 'e1',
    occurredAt: '2025-01-01T00:00:00Z',
    correlationId: 'receipt-1',
    traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
    manifestId: 'm1',
    flight: { carrier: 'ZZ', number: '0100', departure: { port: 'LHR' }, arrival: { port: 'JFK' } },
    subject: {
      surname: 'KARVONEN',
      givenNames: 'ALEKSI JUHANI',
      dateOfBirth: '1971-03-14',
      nationality: 'FIN',
      documents: [{ type: 'P', number: 'XF1111111', issuer: 'FIN' }],
    },
    decision: {
      decisionId: 'd1',
      travellerId: 't1',
      outcome,
      reasons: [
        {
          kind: 'WATCHLIST',
          action: outcome,
          source: { listId: 'NATIONAL', entryId: 'NWL-1' },
          score: 0.97,
          matchedFields: ['name', 'dateOfBirth'],
          explanation: 'KARVONEN, Aleksi Juhani on NATIONAL',
          label: 'KARVONEN, Aleksi Juhani',
        },
      ],
      listVersions: { NATIONAL: 'v1' },
      timings: { receivedAt: 1000, parsedAt: 1010, decidedAt: 1042, screeningMs: 0.3 },
      ...over,
    },
  });
