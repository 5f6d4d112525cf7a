import type { Traveller, WatchlistEntry } from '@paxscreen/contracts';

/** The clock of the screening unit tests: the day before `testTraveller`'s flight. */
export const SCREENING_NOW = new Date('2026-06-01T12:00:00Z');

/** BA 117 LHR → JFK on 2026-06-02, the flight of `testTraveller`. */
export const TEST_FLIGHT: Traveller['flight'] = {
  carrier: 'BA',
  number: '117',
  departure: { port: 'LHR', at: '2026-06-02T10:00' },
  arrival: { port: 'JFK', at: '2026-06-02T13:00' },
};

/**
 * A traveller as screening receives one, for unit tests: passenger JOHN DOE, born 1980-05-05, GBR
 * passport X1234567 valid to 2030, on `TEST_FLIGHT`, no PNR and no findings. A test overrides only
 * what it is about.
 */
export function testTraveller(over: Partial<Traveller> = {}): Traveller {
  return {
    travellerId: 't1',
    role: 'PASSENGER',
    surname: 'DOE',
    givenNames: 'JOHN',
    dateOfBirth: '1980-05-05',
    gender: 'M',
    nationality: 'GBR',
    documents: [{ type: 'P', number: 'X1234567', issuer: 'GBR', expiry: '2030-01-01' }],
    flight: TEST_FLIGHT,
    itinerary: [],
    findings: [],
    ...over,
  };
}

/** Who `testListedPerson` is: with these fields `testTraveller` is a strong match for the entry. */
export const LISTED_IDENTITY = {
  surname: 'AL-SAYED',
  givenNames: 'AHMAD ABDUL RAHMAN',
  dateOfBirth: '1970-03-04',
  nationality: 'SYR',
} as const satisfies Partial<Traveller>;

/** A listed person: UN entry QDi.001, AHMAD ABDUL RAHMAN AL-SAYED, born 1970-03-04, SYR, no document. */
export function testListedPerson(over: Partial<WatchlistEntry> = {}): WatchlistEntry {
  return {
    listId: 'UN',
    entryId: 'QDi.001',
    kind: 'PERSON',
    names: [{ full: 'Ahmad Abdul Rahman AL-SAYED', type: 'primary' }],
    datesOfBirth: [{ date: LISTED_IDENTITY.dateOfBirth }],
    placesOfBirth: [],
    nationalities: [LISTED_IDENTITY.nationality],
    documents: [],
    programs: ['QDi'],
    ...over,
  };
}
