import { NATIONALITY_PATTERN, TRAVELLER_ROLES } from '@paxscreen/contracts';
import type { TravelDocument, Traveller } from '@paxscreen/contracts';

import { DESIGNATOR_PATTERN, designator, normaliseDesignator } from './designator';
import { journeyOf, legsOf, transitPorts } from './journey';
import { Day, Interval, ageRange, daysUntilExpiry, hoursBetween, localTimeRange } from './partial-date';

/**
 * What a fact holds. `code`: one upper-case code; `codes`: a set of codes (known and possibly
 * empty); `number`: an interval (exact when lo === hi); `time`: a local date-time interval;
 * `boolean`. A fact the traveller does not carry reads as undefined ("unknown").
 */
export const FACT_KINDS = ['code', 'codes', 'number', 'boolean', 'time'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** A local date-time as an interval of wall-clock milliseconds, with the text as sent (for explanations). */
export interface TimeValue extends Interval {
  readonly text: string;
}

export interface FactValues {
  code: string;
  codes: readonly string[];
  number: Interval;
  boolean: boolean;
  time: TimeValue;
}
export type FactValue = FactValues[FactKind];

/** Per-evaluation memo of readings several facts share (the journey, the arrival day). */
export interface FactScope {
  readonly traveller: Traveller;
  /** Links shared with a flagged traveller of the same flight, when the caller tracks them (co-travellers). */
  readonly coTravellerLinks?: readonly string[];
  journey(): ReturnType<typeof journeyOf>;
  arrivalDay(): Day | undefined;
}

export interface FactDefinition<N extends string = string, K extends FactKind = FactKind> {
  readonly name: N;
  readonly kind: K;
  readonly description: string;
  /** Unit of numeric facts, used in explanations and docs. */
  readonly unit?: string;
  /** What a listed value must look like once normalised; catches `US` for `USA` at load time. */
  readonly valuePattern?: RegExp;
  /** Puts a listed value in the form the fact reads (upper case, flight number without leading zeros). */
  readonly normalise?: (value: string) => string;
  read(scope: FactScope): FactValues[K] | undefined;
}

function fact<N extends string, K extends FactKind>(def: FactDefinition<N, K>): FactDefinition<N, K> {
  return def;
}

const PORT = /^[A-Z0-9]{3,5}$/;
const CARRIER = /^[A-Z0-9]{2}[A-Z]?$/;
const SHORT_CODE = /^[A-Z0-9]{1,3}$/;
const FREE_CODE = /^[^\s].{0,69}$/;
const ROLE = new RegExp(`^(${TRAVELLER_ROLES.join('|')})$`);
/** `U` is "not reported by the carrier": a missing value, not a gender. */
const GENDER = /^[MFX]$/;
const VISA = 'V';

function upper(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v.toUpperCase() : undefined;
}

/**
 * The travel document a rule reads by default: the first one that is not a visa (a visa is
 * carried alongside a passport; it is not what the traveller travels on).
 */
function primaryDocument(t: Traveller): TravelDocument | undefined {
  const docs = t.documents ?? [];
  return docs.find((d) => upper(d.type) !== VISA) ?? docs[0];
}

function codeSet(values: readonly (string | undefined)[]): readonly string[] | undefined {
  const set = [...new Set(values.map(upper).filter((v): v is string => v !== undefined))];
  return set.length > 0 ? set : undefined;
}

function time(text: string | undefined): TimeValue | undefined {
  const range = text ? localTimeRange(text) : undefined;
  return range && text ? { lo: range.lo, hi: range.hi, text } : undefined;
}

const KG_PER_POUND = 0.45359237;

function bagWeightKg(t: Traveller): number | undefined {
  const b = t.baggage;
  if (b?.weight !== undefined) {
    if (!b.weightUnit || b.weightUnit === 'KGM' || b.weightUnit === 'KG') return b.weight;
    if (b.weightUnit === 'LBR' || b.weightUnit === 'LB') return Math.round(b.weight * KG_PER_POUND * 10) / 10;
    return undefined;
  }
  return t.pnr?.bagWeightKg;
}

function exact(value: number | undefined): Interval | undefined {
  return value === undefined || !Number.isFinite(value) ? undefined : { lo: value, hi: value };
}

/**
 * Every fact a rule can test. Names are part of the rule format: add, never rename. No fact
 * exposes a name, a document number or a date of birth, so no rule and no explanation can print one.
 */
export const FACTS = [
  fact({
    name: 'role',
    kind: 'code',
    description: 'PASSENGER, CREW or IN_TRANSIT',
    valuePattern: ROLE,
    read: (s) => upper(s.traveller.role),
  }),
  fact({
    name: 'gender',
    kind: 'code',
    description: 'M, F or X; U (not reported) reads as unknown',
    valuePattern: GENDER,
    read: (s) => {
      const g = upper(s.traveller.gender);
      return g && GENDER.test(g) ? g : undefined;
    },
  }),
  fact({
    name: 'nationality',
    kind: 'code',
    description: 'ISO 3166-1 alpha-3 / ICAO code',
    valuePattern: NATIONALITY_PATTERN,
    read: (s) => upper(s.traveller.nationality),
  }),
  fact({
    name: 'residence',
    kind: 'code',
    description: 'Country of residence, ISO 3166-1 alpha-3 / ICAO code',
    valuePattern: NATIONALITY_PATTERN,
    read: (s) => upper(s.traveller.residence),
  }),
  fact({
    name: 'ageAtArrival',
    kind: 'number',
    unit: 'years',
    description:
      'Completed years on the local arrival day of the reported flight; a range for partial birth dates',
    read: (s) => {
      const on = s.arrivalDay();
      const dob = s.traveller.dateOfBirth;
      return on && dob ? ageRange(dob, on) : undefined;
    },
  }),
  fact({
    name: 'document.type',
    kind: 'code',
    description: 'Type of the travel document (first non-visa document): P, I, A, C, …',
    valuePattern: SHORT_CODE,
    read: (s) => upper(primaryDocument(s.traveller)?.type),
  }),
  fact({
    name: 'document.issuer',
    kind: 'code',
    description: 'Issuing state of the travel document',
    valuePattern: NATIONALITY_PATTERN,
    read: (s) => upper(primaryDocument(s.traveller)?.issuer),
  }),
  fact({
    name: 'document.expiryDaysAfterArrival',
    kind: 'number',
    unit: 'days',
    description:
      'Days from the arrival day to the expiry day of the travel document (0 = expires that day, < 0 = expired)',
    read: (s) => {
      const on = s.arrivalDay();
      const expiry = primaryDocument(s.traveller)?.expiry;
      return on && expiry ? daysUntilExpiry(expiry, on) : undefined;
    },
  }),
  fact({
    name: 'documents.types',
    kind: 'codes',
    description: 'Types of all documents reported (including visas)',
    valuePattern: SHORT_CODE,
    read: (s) => codeSet((s.traveller.documents ?? []).map((d) => d.type)),
  }),
  fact({
    name: 'documents.issuers',
    kind: 'codes',
    description: 'Issuing states of all documents reported',
    valuePattern: NATIONALITY_PATTERN,
    read: (s) => codeSet((s.traveller.documents ?? []).map((d) => d.issuer)),
  }),
  fact({
    name: 'flight.carrier',
    kind: 'code',
    description: 'Marketing carrier of the reported flight',
    valuePattern: CARRIER,
    read: (s) => upper(s.traveller.flight?.carrier),
  }),
  fact({
    name: 'flight.designator',
    kind: 'code',
    description: 'Carrier and number of the reported flight, leading zeros dropped: BA123',
    valuePattern: DESIGNATOR_PATTERN,
    normalise: normaliseDesignator,
    read: (s) => {
      const f = s.traveller.flight;
      return f?.carrier && f.number ? designator(f.carrier, f.number) : undefined;
    },
  }),
  fact({
    name: 'flight.origin',
    kind: 'code',
    description: 'Departure port of the reported flight',
    valuePattern: PORT,
    read: (s) => upper(s.traveller.flight?.departure?.port),
  }),
  fact({
    name: 'flight.destination',
    kind: 'code',
    description: 'Arrival port of the reported flight',
    valuePattern: PORT,
    read: (s) => upper(s.traveller.flight?.arrival?.port),
  }),
  fact({
    name: 'flight.departureAt',
    kind: 'time',
    description: 'Local departure date-time of the reported flight',
    read: (s) => time(s.traveller.flight?.departure?.at),
  }),
  fact({
    name: 'flight.arrivalAt',
    kind: 'time',
    description: 'Local arrival date-time of the reported flight',
    read: (s) => time(s.traveller.flight?.arrival?.at),
  }),
  fact({
    name: 'itinerary.origin',
    kind: 'code',
    description: "Where the traveller's journey starts: embarkation port, else the first leg's departure",
    valuePattern: PORT,
    read: (s) => upper(s.traveller.embarkation) ?? upper(s.journey()[0]?.departure?.port),
  }),
  fact({
    name: 'itinerary.destination',
    kind: 'code',
    description:
      "Where the traveller's journey ends: debarkation port, else the last leg's arrival before a stopover",
    valuePattern: PORT,
    read: (s) => {
      const journey = s.journey();
      return upper(s.traveller.debarkation) ?? upper(journey[journey.length - 1]?.arrival?.port);
    },
  }),
  fact({
    name: 'itinerary.transitPorts',
    kind: 'codes',
    description:
      'Ports where the traveller connects (24 h or less) within the journey; empty for a direct flight',
    valuePattern: PORT,
    read: (s) => (s.journey().length > 0 ? transitPorts(s.journey()) : undefined),
  }),
  fact({
    name: 'itinerary.ports',
    kind: 'codes',
    description: 'Every port of every leg known for the traveller',
    valuePattern: PORT,
    read: (s) => codeSet(legsOf(s.traveller).flatMap((l) => [l.departure?.port, l.arrival?.port])),
  }),
  fact({
    name: 'itinerary.carriers',
    kind: 'codes',
    description: 'Marketing and operating carriers of every leg',
    valuePattern: CARRIER,
    read: (s) => codeSet(legsOf(s.traveller).flatMap((l) => [l.carrier, l.operatingCarrier])),
  }),
  fact({
    name: 'itinerary.legCount',
    kind: 'number',
    unit: 'legs',
    description: 'Number of legs known for the traveller',
    read: (s) => (legsOf(s.traveller).length > 0 ? exact(legsOf(s.traveller).length) : undefined),
  }),
  fact({
    name: 'pnr.present',
    kind: 'boolean',
    description: 'Whether PNR data came with the traveller (always known)',
    read: (s) => s.traveller.pnr !== undefined && s.traveller.pnr !== null,
  }),
  fact({
    name: 'pnr.paymentTypes',
    kind: 'codes',
    description: 'Form-of-payment types of the booking: CA cash, CC card, MS miscellaneous, CK cheque, …',
    valuePattern: SHORT_CODE,
    read: (s) => codeSet((s.traveller.pnr?.formsOfPayment ?? []).map((f) => f.type)),
  }),
  fact({
    name: 'pnr.oneWay',
    kind: 'boolean',
    description: 'The booking has no return to the origin',
    read: (s) => {
      const oneWay = s.traveller.pnr?.oneWay;
      return typeof oneWay === 'boolean' ? oneWay : undefined;
    },
  }),
  fact({
    name: 'pnr.bookingLeadHours',
    kind: 'number',
    unit: 'h',
    description:
      'Hours from booking (bookingDate, else createdAt) to the local departure of the reported flight, both read as written',
    read: (s) => {
      const pnr = s.traveller.pnr;
      const booked = time(pnr?.bookingDate ?? pnr?.createdAt);
      const departs = time(s.traveller.flight?.departure?.at);
      if (!booked || !departs) return undefined;
      // Nobody books after departure: a date-only booking on the departure day cannot be later than
      // the flight. A booking wholly after departure is a data error, not a lead time.
      const lead = hoursBetween(booked, departs);
      return lead.hi < 0 ? undefined : { lo: Math.max(0, lead.lo), hi: lead.hi };
    },
  }),
  fact({
    name: 'pnr.partySize',
    kind: 'number',
    unit: 'travellers',
    description: 'Number of travellers on the booking',
    read: (s) => exact(s.traveller.pnr?.partySize),
  }),
  fact({
    name: 'coTravellers.flaggedLinks',
    kind: 'codes',
    description:
      'Links (BOOKING, CONTACT, PAYMENT) shared with a traveller of the same flight referred or stopped by a watchlist or lost/stolen match',
    valuePattern: /^(BOOKING|CONTACT|PAYMENT)$/,
    read: (s) => s.coTravellerLinks,
  }),
  fact({
    name: 'pnr.travelAgency',
    kind: 'code',
    description: 'Booking agency as sent (IATA number or name)',
    valuePattern: FREE_CODE,
    read: (s) => upper(s.traveller.pnr?.travelAgency),
  }),
  fact({
    name: 'bagCount',
    kind: 'number',
    unit: 'bags',
    description: 'Checked bags: API count, else the PNR count',
    read: (s) => exact(s.traveller.bagCount ?? s.traveller.pnr?.bagCount),
  }),
  fact({
    name: 'bagWeightKg',
    kind: 'number',
    unit: 'kg',
    description:
      'Checked-bag weight in kilograms: the API weight (KGM, or LBR converted), else the PNR weight',
    read: (s) => exact(bagWeightKg(s.traveller)),
  }),
  fact({
    name: 'bagTagCount',
    kind: 'number',
    unit: 'tags',
    description: 'Bag tags sent for the traveller (every tag of every run of consecutive tags)',
    read: (s) => exact(s.traveller.baggage?.tags?.reduce((n, run) => n + run.count, 0)),
  }),
  fact({
    name: 'bagPool',
    kind: 'code',
    description: "Pooled baggage: HEAD holds a group's bags, MEMBER travels with bags pooled under a head",
    valuePattern: /^(HEAD|MEMBER)$/,
    read: (s) => s.traveller.baggage?.pool,
  }),
] as const;

export type FactName = (typeof FACTS)[number]['name'];

const BY_NAME: ReadonlyMap<string, { index: number; definition: FactDefinition }> = new Map(
  FACTS.map((definition, index) => [definition.name, { index, definition: definition as FactDefinition }]),
);

/** The definition and the slot of a fact in the per-evaluation cache, or undefined for an unknown name. */
export function lookupFact(name: string): { index: number; definition: FactDefinition } | undefined {
  return BY_NAME.get(name);
}

export const FACT_NAMES: readonly string[] = FACTS.map((f) => f.name);
