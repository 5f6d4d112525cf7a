import type {
  Finding,
  FlightLeg,
  MessageType,
  Traveller,
  TravellerRole,
  TravellerStatusState,
} from '@paxscreen/contracts';

import { isoDay } from '../normalize/dates';
import { finding } from '../quality/finding';
import { buildReport } from '../quality/report';
import { CheckContext, checkTraveller } from '../quality/traveller-checks';
import type {
  Direction,
  ManifestInfo,
  ManifestKind,
  Multipart,
  ParsedMessage,
  ReadContext,
  ReportingParty,
} from '../types';
import { manifestIdOf, TravellerIds } from './manifest-id';

/** A traveller as a reader built it, before ids and checks. */
export interface TravellerDraft {
  traveller: Omit<Traveller, 'travellerId'> & { travellerId?: string };
  /** The carrier's unique passenger reference (PAXLST RFF+ABO, JSON `ref`). */
  ref?: string;
  /** Where the traveller's data starts: segment position or JSON path. */
  segment?: number;
  path?: string;
}

export interface MessageDraft {
  messageType: MessageType;
  version: string;
  messageRef?: string;
  kind: ManifestKind;
  flight: FlightLeg;
  legs: FlightLeg[];
  direction?: Direction;
  reportingParty?: ReportingParty;
  documentCode?: string;
  travellerStatus?: TravellerStatusState;
  transactionRef?: string;
  multipart?: Multipart;
  travellers: TravellerDraft[];
  findings: Finding[];
  /** API data is checked for completeness; PNR data is not (see CheckContext.strict). */
  strict: boolean;
}

/** Gives every traveller its id, runs the field checks and builds the report. */
export function assembleMessage(draft: MessageDraft, ctx: ReadContext): ParsedMessage {
  const departureDate = draft.flight.departure.at?.slice(0, 10) || undefined;
  const manifestId = manifestIdOf(
    draft.flight.carrier,
    draft.flight.number,
    departureDate,
    draft.direction,
    draft.kind,
  );
  const refDate = departureDate ?? isoDay(ctx.now);
  const ids = new TravellerIds(manifestId);
  // One check context for the message, updated per traveller (checkTraveller does not keep it).
  const check: CheckContext = {
    index: 0,
    segment: undefined,
    path: undefined,
    refDate,
    strict: draft.strict,
  };
  const drafts = draft.travellers;
  const travellers: Traveller[] = [];
  for (let index = 0; index < drafts.length; index++) {
    const d = drafts[index];
    const t = d.traveller;
    const id = ids.nextFor(d.ref, t.pnr?.locator, t.role, t.surname, t.givenNames, t.dateOfBirth);
    t.travellerId = id;
    const traveller = t as Traveller;
    const own = traveller.findings;
    for (let i = 0; i < own.length; i++) own[i].traveller = index;
    if (ids.duplicate) {
      own.push(
        finding('DUPLICATE_TRAVELLER', 'same identity as an earlier traveller in this message', {
          segment: d.segment,
          field: d.path,
          traveller: index,
        }),
      );
    }
    check.index = index;
    check.segment = d.segment;
    check.path = d.path;
    checkTraveller(traveller, check);
    travellers.push(traveller);
  }
  if (travellers.length === 0)
    draft.findings.push(finding('EMPTY_MANIFEST', 'message lists no travellers', {}));
  checkPorts(draft.flight, draft.findings);

  const manifest: ManifestInfo = {
    manifestId,
    carrier: draft.flight.carrier,
    flightNumber: draft.flight.number,
    kind: draft.kind,
    flight: draft.flight,
    legs: draft.legs,
  };
  if (departureDate) manifest.departureDate = departureDate;
  if (draft.direction) manifest.direction = draft.direction;
  if (draft.reportingParty) manifest.reportingParty = draft.reportingParty;
  if (draft.documentCode) manifest.documentCode = draft.documentCode;
  if (draft.travellerStatus) manifest.travellerStatus = draft.travellerStatus;
  if (draft.transactionRef) manifest.transactionRef = draft.transactionRef;

  const message: ParsedMessage = {
    messageType: draft.messageType,
    version: draft.version,
    manifest,
    travellers,
    report: buildReport(draft.messageType, draft.version, draft.messageRef, travellers, draft.findings),
  };
  if (draft.messageRef !== undefined) message.messageRef = draft.messageRef;
  if (draft.multipart) message.multipart = draft.multipart;
  return message;
}

/**
 * A reported flight without its departure or arrival port is never silent (a location qualifier
 * outside the guide, or an empty element, used to leave an empty port and no finding). A message
 * without any flight already has MISSING_FLIGHT.
 */
function checkPorts(flight: FlightLeg, findings: Finding[]): void {
  if (!flight.carrier && !flight.number) return;
  if (!flight.departure.port)
    findings.push(
      finding('MISSING_DEPARTURE_PORT', 'the reported flight has no departure port', {
        field: 'flight.departure.port',
      }),
    );
  if (!flight.arrival.port)
    findings.push(
      finding('MISSING_ARRIVAL_PORT', 'the reported flight has no arrival port', {
        field: 'flight.arrival.port',
      }),
    );
}

/** A flight leg with nothing known yet. */
export function emptyLeg(carrier = '', number = ''): FlightLeg {
  return { carrier, number, departure: { port: '' }, arrival: { port: '' } };
}

/** Placeholder until the reader knows the flight (never mutated; readers replace it). */
const NO_FLIGHT: FlightLeg = Object.freeze(emptyLeg()) as FlightLeg;

type NewTraveller = TravellerDraft['traveller'];

/**
 * Travellers are made by `new` on a plain function rather than as an object literal, for speed
 * only: V8 gives objects made by a constructor room inside them for the ten or so fields the
 * readers add afterwards, where a literal's object keeps those in a separate property array that
 * is reallocated as it grows. Measured (issue 19, 2026-12-06, load average 17–25, 40 alternating
 * reads of one 10,000-passenger PAXLST in one process, CPU time per read): 31.3 ms best / 34.9 ms
 * median with the constructor, 32.1 / 35.9 with a literal, 31.8 / 36.7 with a class: 2–3 %.
 * The objects stay exactly what a literal gives (prototype Object.prototype, the same keys in the
 * same order); a class would give them its own prototype, which `toStrictEqual` and plain-object
 * checks see.
 */
function PlainTraveller(this: NewTraveller, role: TravellerRole, surname: string, givenNames: string): void {
  this.role = role;
  this.surname = surname;
  this.givenNames = givenNames;
  this.gender = 'U';
  this.documents = [];
  this.flight = NO_FLIGHT;
  this.itinerary = [];
  this.findings = [];
}
// What `new PlainTraveller(...)` returns is then a plain object, as a literal would be.
PlainTraveller.prototype = Object.prototype;
const PlainTravellerClass = PlainTraveller as unknown as new (
  role: TravellerRole,
  surname: string,
  givenNames: string,
) => NewTraveller;

/** A traveller with only names and role; readers fill in the rest. */
export function newTraveller(role: TravellerRole, surname: string, givenNames: string): NewTraveller {
  return new PlainTravellerClass(role, surname, givenNames);
}
