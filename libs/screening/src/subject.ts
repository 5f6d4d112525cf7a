import type { DecisionMade, Traveller } from '@paxscreen/contracts';

/** Who a decision is about, as every decision output carries it (topic, hot path, CLI). */
export function subjectOf(t: Traveller): DecisionMade.Subject {
  return {
    surname: t.surname,
    givenNames: t.givenNames,
    dateOfBirth: t.dateOfBirth,
    nationality: t.nationality,
    documents: t.documents,
  };
}
