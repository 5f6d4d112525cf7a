import type { FlightLeg } from '@paxscreen/contracts';
import { writePaxlst, type PaxlstInput, type PaxlstTraveller } from '@paxscreen/edifact';

/** YYYY-MM-DD, `offset` days from today (UTC): test flights are always current. */
export const dayFromToday = (offset: number): string =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** What a test changes of the default manifest; `flight` is merged field by field. */
export type TestPaxlstOptions = Partial<Omit<PaxlstInput, 'flight' | 'travellers'>> & {
  flight?: Partial<FlightLeg>;
};

/**
 * A passenger PAXLST from `carrier` for the end-to-end tests: flight `<carrier> 0042` LHR → JFK,
 * leaving tonight at 22:00 and arriving tomorrow at 01:00, sent by `<carrier>AIR` to BORDER with
 * message reference `M<controlRef>`. Anything else a test needs goes in `options`.
 */
export function testPaxlst(
  carrier: string,
  controlRef: string,
  travellers: PaxlstTraveller[],
  options: TestPaxlstOptions = {},
): string {
  const { flight, ...rest } = options;
  return writePaxlst({
    sender: `${carrier}AIR`,
    recipient: 'BORDER',
    controlRef,
    messageRef: `M${controlRef}`,
    kind: 'PASSENGERS',
    ...rest,
    flight: {
      carrier,
      number: '0042',
      departure: { port: 'LHR', at: `${dayFromToday(0)}T22:00` },
      arrival: { port: 'JFK', at: `${dayFromToday(1)}T01:00` },
      ...flight,
    },
    travellers,
  });
}

/**
 * Issue 20's poison message: an UNA header and a million release characters (~1 MB). The gateway
 * accepts it (it looks like EDIFACT), the parser rejects it, and its dead letter (~1.3 MB of base64)
 * is more than one record of the dead-letter topic holds.
 */
export function poisonMessage(): Buffer {
  return Buffer.concat([Buffer.from("UNA:+.? 'UNB+"), Buffer.alloc(1_000_000, '?')]);
}

/** A male passenger with one passport (issued by `issuer`, default his nationality), for test manifests. */
export function testPassenger(
  surname: string,
  givenNames: string,
  dateOfBirth: string,
  nationality: string,
  number: string,
  issuer = nationality,
): PaxlstTraveller {
  return {
    role: 'PASSENGER',
    surname,
    givenNames,
    dateOfBirth,
    gender: 'M',
    nationality,
    documents: [{ type: 'P', number, issuer, expiry: '2031-01-01' }],
  };
}
