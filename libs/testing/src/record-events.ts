import { randomBytes } from 'node:crypto';

import { DecisionMade, envelope, Outcome, TravellerParsed } from '@paxscreen/contracts';

/** A flight of the synthetic record events (departure day as given). */
export interface TestFlight {
  carrier: string;
  number: string;
  date: string;
}

export interface TestPerson {
  travellerId?: string;
  surname: string;
  givenNames: string;
  dateOfBirth?: string;
  nationality?: string;
  document?: { issuer: string; number: string };
}

const leg = (f: TestFlight) => ({
  carrier: f.carrier,
  number: f.number,
  departure: { port: 'SIN', at: `${f.date}T23:00` },
  arrival: { port: 'SYD', at: `${f.date}T23:59` },
});

/** A valid decision event, as screening publishes it, for tests and benchmarks of records. */
export function testDecisionEvent(
  flight: TestFlight,
  person: TestPerson,
  options: { outcome?: Outcome; supersedes?: string; decisionId?: string; receiptId?: string } = {},
): DecisionMade.Value {
  const travellerId = person.travellerId ?? `T${randomBytes(8).toString('hex')}`;
  const env = envelope(options.receiptId ?? `R${randomBytes(6).toString('hex')}`);
  const documents = person.document
    ? [{ type: 'P', number: person.document.number, issuer: person.document.issuer }]
    : [];
  return {
    ...env,
    manifestId: `${flight.carrier}${flight.number}:${flight.date}:A`,
    flight: leg(flight),
    subject: {
      surname: person.surname,
      givenNames: person.givenNames,
      dateOfBirth: person.dateOfBirth,
      nationality: person.nationality,
      documents,
    },
    decision: {
      decisionId: options.decisionId ?? `D${env.eventId}`,
      travellerId,
      outcome: options.outcome ?? 'CLEAR',
      reasons: [],
      listVersions: { UN: 'v1' },
      ...(options.supersedes ? { supersedes: options.supersedes } : {}),
      timings: { decidedAt: Date.now(), screeningMs: 0.1 },
    },
  } as DecisionMade.Value;
}

/** A valid traveller event for the same flight and person. */
export function testTravellerEvent(flight: TestFlight, person: TestPerson & { travellerId: string }) {
  const value: TravellerParsed.Value = {
    ...envelope(`R${randomBytes(6).toString('hex')}`),
    manifestId: `${flight.carrier}${flight.number}:${flight.date}:A`,
    manifestVersion: 1,
    messageType: 'PAXLST',
    carrier: flight.carrier,
    index: 0,
    total: 1,
    traveller: {
      travellerId: person.travellerId,
      role: 'PASSENGER',
      surname: person.surname,
      givenNames: person.givenNames,
      dateOfBirth: person.dateOfBirth,
      gender: 'U',
      nationality: person.nationality,
      documents: person.document
        ? [{ type: 'P', number: person.document.number, issuer: person.document.issuer }]
        : [],
      flight: leg(flight),
      itinerary: [leg(flight)],
      findings: [],
    },
  } as TravellerParsed.Value;
  return value;
}

/** Traveller events (of one manifest version) as the one chunk record the parser would write. */
export function testTravellerChunk(events: TravellerParsed.Value[]): TravellerParsed.Chunk {
  return TravellerParsed.packChunks(events, () => events[0].eventId, {
    maxTravellers: Math.max(1, events.length),
    maxBytes: Infinity,
  })[0].chunk;
}
