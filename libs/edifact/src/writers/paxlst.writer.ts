import type { FlightLeg, Traveller, TravellerRole } from '@paxscreen/contracts';

import type { Multipart, ReportingParty } from '../types';
import { dtm, EdifactWriteOptions, SegmentWriter, SYNTAX_PLACEHOLDER, unbDateTime } from './segment-writer';

export type PaxlstVersion = 'D:02B' | 'D:05B' | 'D:12B' | 'D:15B';

/** A traveller to write: the contract's fields, plus the carrier's unique reference (RFF+ABO). */
export type PaxlstTraveller = Omit<Traveller, 'travellerId' | 'findings' | 'flight' | 'itinerary'> & {
  ref?: string;
};

export interface PaxlstInput {
  sender: string;
  recipient: string;
  controlRef: string;
  /** ISO local date-time of preparation (UNB); now when absent. */
  preparedAt?: string;
  messageRef: string;
  kind: 'PASSENGERS' | 'CREW';
  /** The reported flight (written with LOC 125/87). */
  flight: FlightLeg;
  /** Every leg in order; legs other than `flight` are written with LOC 92. Defaults to `[flight]`. */
  legs?: FlightLeg[];
  reportingParty?: ReportingParty;
  transactionRef?: string;
  /** BGM C106 1004, e.g. `XR` (cancel reservation) or `CLNB` (close-out, not boarded). */
  documentIdentifier?: string;
  multipart?: Multipart;
  travellers: PaxlstTraveller[];
}

export interface PaxlstWriteOptions extends EdifactWriteOptions {
  version?: PaxlstVersion;
}

const NAD_QUALIFIERS: Readonly<Record<TravellerRole, string>> = {
  PASSENGER: 'FL',
  CREW: 'FM',
  IN_TRANSIT: 'DDT',
};
const DOCUMENT_CODES = { PASSENGERS: '745', CREW: '250' } as const;
const DOC_CODE_LIST = ['110', '111'];

/**
 * Writes a PAXLST interchange (WCO/IATA/ICAO API guidelines layout) that `readMessage` reads back
 * field for field: used by traffic generators, benchmarks and round-trip tests. Dates are written
 * with four-digit years (DTM 2379 formats 102/203/602/610) so no century rule is involved.
 */
export function writePaxlst(input: PaxlstInput, options: PaxlstWriteOptions = {}): string {
  const version = options.version ?? 'D:05B';
  const w = new SegmentWriter(options);
  const [date, time] = unbDateTime(input.preparedAt);
  w.segment('UNB', [SYNTAX_PLACEHOLDER, '4'], input.sender, input.recipient, [date, time], input.controlRef);
  w.segment('UNG', 'PAXLST', input.sender, input.recipient, [date, time], input.controlRef, 'UN', version);
  const start = w.written;
  const [v, r] = version.split(':');
  const part = input.multipart;
  w.segment(
    'UNH',
    input.messageRef,
    ['PAXLST', v, r, 'UN', 'IATA'],
    part?.reference,
    part ? [String(part.sequence), part.final ? 'F' : 'C'] : undefined,
  );
  if (input.documentIdentifier) w.segment('BGM', DOCUMENT_CODES[input.kind], input.documentIdentifier);
  else w.segment('BGM', DOCUMENT_CODES[input.kind]);
  if (input.transactionRef) w.segment('RFF', ['TN', input.transactionRef]);
  if (input.reportingParty) {
    const p = input.reportingParty;
    w.segment('NAD', 'MS', '', '', p.name ?? '');
    const coms = [p.phone && [p.phone, 'TE'], p.fax && [p.fax, 'FX'], p.email && [p.email, 'EM']].filter(
      Boolean,
    ) as string[][];
    if (coms.length > 0) w.segment('COM', ...coms);
  }
  for (const leg of input.legs ?? [input.flight]) {
    const crossing = leg === input.flight || sameLeg(leg, input.flight);
    w.segment('TDT', '20', `${leg.carrier}${leg.number}`, '', '', leg.carrier);
    w.segment('LOC', crossing ? '125' : '92', leg.departure.port);
    if (leg.departure.at) w.segment('DTM', ['189', ...dtm(leg.departure.at)]);
    w.segment('LOC', crossing ? '87' : '92', leg.arrival.port);
    if (leg.arrival.at) w.segment('DTM', ['232', ...dtm(leg.arrival.at)]);
  }
  for (const t of input.travellers) writeTraveller(w, t);
  const crew = input.travellers.filter((t) => t.role === 'CREW').length;
  const others = input.travellers.length - crew;
  if (others > 0 || crew === 0) w.segment('CNT', ['42', String(others)]);
  if (crew > 0) w.segment('CNT', ['41', String(crew)]);
  w.segment('UNT', String(w.since(start) + 1), input.messageRef);
  w.segment('UNE', '1', input.controlRef);
  w.segment('UNZ', '1', input.controlRef);
  return w.render();
}

function sameLeg(a: FlightLeg, b: FlightLeg): boolean {
  return a.carrier === b.carrier && a.number === b.number && a.departure.port === b.departure.port;
}

function writeTraveller(w: SegmentWriter, t: PaxlstTraveller): void {
  const given = t.givenNames ? [t.givenNames] : [];
  w.segment('NAD', NAD_QUALIFIERS[t.role], '', '', [t.surname, ...given]);
  if (t.gender !== 'U') w.segment('ATT', '2', '', t.gender);
  if (t.dateOfBirth) w.segment('DTM', ['329', ...dtm(t.dateOfBirth)]);
  if (t.residence) w.segment('LOC', '174', t.residence);
  if (t.embarkation) w.segment('LOC', '178', t.embarkation);
  if (t.debarkation) w.segment('LOC', '179', t.debarkation);
  if (t.placeOfBirth) w.segment('LOC', '180', ['', '', '', t.placeOfBirth]);
  if (t.nationality) w.segment('NAT', '2', t.nationality);
  if (t.pnr?.locator) w.segment('RFF', ['AVF', t.pnr.locator]);
  if (t.ref) w.segment('RFF', ['ABO', t.ref]);
  if (t.seat) w.segment('RFF', ['SEA', t.seat]);
  if (t.bagCount !== undefined) w.segment('MEA', 'CT', '', String(t.bagCount));
  for (const doc of t.documents) {
    w.segment('DOC', [doc.type, ...DOC_CODE_LIST], doc.number);
    if (doc.expiry) w.segment('DTM', ['36', ...dtm(doc.expiry)]);
    if (doc.issued) w.segment('DTM', ['182', ...dtm(doc.issued)]);
    if (doc.issuer) w.segment('LOC', '91', doc.issuer);
  }
}
