import type {
  BagTagRun,
  Contact,
  Finding,
  FlightLeg,
  FormOfPayment,
  PnrExtras,
  TravelDocument,
} from '@paxscreen/contracts';

import type { MessageHeader, MessageSink, RawMessage } from '../interchange/envelope';
import { assembleMessage, emptyLeg, newTraveller, TravellerDraft } from '../manifest/assemble';
import { dateTime, ddmmmyyHasTwoDigitYear, parseDdmmmyy, parseDdmmyy, parseTime } from '../normalize/dates';
import { canonicalFlightNumber, canonicalSeat } from '../normalize/flight';
import { joinNames, nameKey, normalizeName, stripPnrTitle } from '../normalize/names';
import { finding } from '../quality/finding';
import { countryField, genderField } from '../quality/field-sink';
import type { Segment } from '../syntax/segment';
import type { ParsedMessage, ReadContext } from '../types';
import { contactFromText, contactsFromAdd } from './contacts';
import { parseDoca, parseDoco, parseDocs } from './ssr-docs';
import { applyCodeshare, isCodeshareFollowUp, readTvl } from './tvl';

/**
 * PNRGOV (fixtures: 10.1, 11.1, 13.1; later versions by the same segment rules, untested) (IATA/WCO/ICAO PNRGOV EDIFACT implementation guide). Header: MSG, ORG, TVL (the
 * reported flight), EQN (number of PNRs). Then one group per PNR starting at SRC: RCI locator, PNR
 * data (SSR, DAT, IFT, ORG, ADD), group-2 travellers (TIF with FTI, IFT, REF, SSR DOCS/DOCO/DOCA,
 * TKT, FOP…), itinerary legs (TVL with RPI, APD, SSR seats, and TRI check-in groups with TIF, SSD
 * seat, TBD bags), then history (ABI, SAC, LTS), which is not read. Only group-2 TIFs are travellers;
 * TIFs under TRI point back at them by reference number or name.
 */
const TYPE_INFANT = new Set(['IN', 'INF']);
const SEAT_SSRS = new Set(['SEAT', 'NSST', 'SMST', 'RQST']);
/** SSR free text: component 8 of element 0 (after code, status, quantity, carrier, …, board, off point). */
const SSR_TEXT = 8;
/** PADIS 6411 measure units on TBD: 700 kilograms, 701 pounds. */
const UNIT_POUNDS = '701';
const KG_PER_POUND = 0.45359237;
const WEIGHT_DECIMALS = 10;

type Section = 'HEADER' | 'TRAVELLER' | 'ITINERARY' | 'CHECKIN' | 'HISTORY';

interface PnrTraveller {
  draft: TravellerDraft;
  ref?: string;
  infant: boolean;
  contacts: Contact[];
  payments: FormOfPayment[];
  tickets: string[];
  /** Bags by bag-tag key (a bag checked through shows on every leg with the same tags). */
  bags: Map<string, { count: number; kg?: number; tags?: BagTagRun[] }>;
  /** TBD pooling: `HP` head of pool, `MP` member pooled with a head's ticket. */
  bagPool?: 'HEAD' | 'MEMBER';
  seat?: string;
}

interface PendingDoc {
  kind: 'DOCS' | 'DOCO' | 'DOCA';
  text: string;
  ref?: string;
  owner?: PnrTraveller;
  segment: number;
}

interface Pnr {
  segment: number;
  locator?: string;
  createdAt?: string;
  bookingDate?: string;
  travelAgency?: string;
  section: Section;
  travellers: PnrTraveller[];
  legs: FlightLeg[];
  /** Index of the leg the following check-in groups and seat SSRs belong to. */
  leg: number;
  contacts: Contact[];
  payments: FormOfPayment[];
  docs: PendingDoc[];
  current?: PnrTraveller;
  checkin?: PnrTraveller;
  /** Seats by traveller reference or name key, for legs that match the reported flight. */
  seatsByRef: Map<string, string>;
}

/** Reads a whole message at once (tests); readMessage streams segments into `pnrgovReader`. */
export function readPnrgov(msg: RawMessage, ctx: ReadContext): ParsedMessage {
  const reader = pnrgovReader(msg, ctx);
  for (const seg of msg.body) reader.push(seg);
  return reader.finish(msg.findings);
}

export function pnrgovReader(msg: MessageHeader, ctx: ReadContext): MessageSink<ParsedMessage> {
  const findings: Finding[] = [];
  let flight: FlightLeg | undefined;
  let declaredPnrs: { n: number; segment: number } | undefined;
  const pnrs: Pnr[] = [];
  let pnr: Pnr | undefined;

  const push = (seg: Segment): void => {
    if (seg.tag === 'SRC') {
      pnr = newPnr(seg.position);
      pnrs.push(pnr);
      return;
    }
    if (!pnr) {
      if (seg.tag === 'TVL' && !flight) flight = readTvl(seg, ctx.refYear, findings);
      else if (seg.tag === 'EQN') declaredPnrs = { n: Number(seg.value(0, 0)), segment: seg.position };
      return;
    }
    readPnrSegment(seg, pnr, flight, ctx, findings);
  };

  const finish = (envelopeFindings: Finding[]): ParsedMessage => {
    findings.unshift(...envelopeFindings);

    if (!flight) {
      findings.push(finding('MISSING_FLIGHT', 'message has no header TVL flight', { field: 'TVL' }));
      flight = emptyLeg();
    }
    if (declaredPnrs && Number.isInteger(declaredPnrs.n) && declaredPnrs.n !== pnrs.length) {
      findings.push(
        finding('COUNT_MISMATCH', `EQN declares ${declaredPnrs.n} PNRs, the message has ${pnrs.length}`, {
          segment: declaredPnrs.segment,
          field: 'EQN',
        }),
      );
    }
    const drafts: TravellerDraft[] = [];
    for (const p of pnrs) drafts.push(...finishPnr(p, flight, ctx, findings));

    return assembleMessage(
      {
        messageType: 'PNRGOV',
        version: msg.version,
        messageRef: msg.ref || undefined,
        kind: 'PNR',
        flight,
        legs: [flight],
        direction: ctx.direction,
        multipart: msg.multipart,
        travellers: drafts,
        findings,
        strict: false,
      },
      ctx,
    );
  };
  return { push, finish };
}

function newPnr(segment: number): Pnr {
  return {
    segment,
    section: 'HEADER',
    travellers: [],
    legs: [],
    leg: -1,
    contacts: [],
    payments: [],
    docs: [],
    seatsByRef: new Map(),
  };
}

function readPnrSegment(
  seg: Segment,
  pnr: Pnr,
  flight: FlightLeg | undefined,
  ctx: ReadContext,
  findings: Finding[],
): void {
  if (pnr.section === 'HISTORY') return;
  switch (seg.tag) {
    case 'RCI':
      if (!pnr.locator) readRci(seg, pnr, ctx.refYear);
      break;
    case 'ORG':
      if (pnr.section === 'HEADER' && !pnr.travelAgency)
        pnr.travelAgency = seg.value(1, 0).trim() || undefined;
      break;
    case 'ADD': {
      const contacts = contactsFromAdd(seg.element(1));
      (pnr.section === 'TRAVELLER' && pnr.current ? pnr.current.contacts : pnr.contacts).push(...contacts);
      break;
    }
    case 'IFT': {
      const contact = contactFromText(seg.value(1, 0));
      if (contact)
        (pnr.section === 'TRAVELLER' && pnr.current ? pnr.current.contacts : pnr.contacts).push(contact);
      break;
    }
    case 'TIF':
      readTif(seg, pnr);
      break;
    case 'SSR':
      readSsr(seg, pnr, flight);
      break;
    case 'TKT':
      if (pnr.current && pnr.section === 'TRAVELLER' && seg.value(0, 0))
        pnr.current.tickets.push(seg.value(0, 0).trim());
      break;
    case 'FOP':
      for (const element of seg.elements) {
        const payment = readFop(element);
        if (payment)
          (pnr.section === 'TRAVELLER' && pnr.current ? pnr.current.payments : pnr.payments).push(payment);
      }
      break;
    case 'TVL':
      if (isCodeshareFollowUp(seg)) {
        if (pnr.leg >= 0) applyCodeshare(pnr.legs[pnr.leg], seg);
        break;
      }
      if (!isAirSegment(seg)) {
        // Hotel, car and other non-air TVLs (`TVL+<in>:<out>+<city>:<hotel>++<chain>+<property>`).
        findings.push(
          finding('UNEXPECTED_SEGMENT', 'TVL is not an air segment; skipped', {
            segment: seg.position,
            field: 'TVL',
          }),
        );
        pnr.leg = -1;
        break;
      }
      pnr.legs.push(readTvl(seg, ctx.refYear, findings));
      pnr.leg = pnr.legs.length - 1;
      pnr.section = 'ITINERARY';
      pnr.checkin = undefined;
      break;
    case 'TRI':
      pnr.section = 'CHECKIN';
      pnr.checkin = findTraveller(pnr, seg.value(1, 3));
      break;
    case 'SSD':
      if (pnr.checkin && legIsReported(pnr, flight)) {
        const seat = canonicalSeat(seg.value(0, 0));
        if (seat) pnr.checkin.seat = seat;
      }
      break;
    case 'TBD':
      if (pnr.checkin) readTbd(seg, pnr.checkin);
      break;
    case 'ABI':
    case 'SAC':
    case 'LTS':
      pnr.section = 'HISTORY';
      break;
    default:
      break;
  }
}

function isAirSegment(seg: Segment): boolean {
  return seg.value(2, 0).trim() !== '' && canonicalFlightNumber(seg.value(4, 0)) !== undefined;
}

function readRci(seg: Segment, pnr: Pnr, refYear: number): void {
  const [, locator = '', third = '', fourth = '', fifth = ''] = seg.element(0);
  if (!locator.trim()) return;
  pnr.locator = locator.trim().toUpperCase();
  // C330: company, locator, type, date, time; some senders drop the type: company, locator, date, time.
  const shifted = /^\d{6}$/.test(third);
  const date = parseDdmmyy(shifted ? third : fourth, 'nearest', refYear);
  const time = parseTime(shifted ? fourth : fifth);
  if (date) {
    pnr.bookingDate = date;
    pnr.createdAt = dateTime(date, time ?? undefined);
  }
}

function readTif(seg: Segment, pnr: Pnr): void {
  if (pnr.section === 'ITINERARY' || pnr.section === 'CHECKIN') {
    pnr.checkin = findTraveller(
      pnr,
      seg.value(1, 2),
      normalizeName(seg.value(0, 0)),
      normalizeName(seg.value(1, 0)),
    );
    return;
  }
  pnr.section = 'TRAVELLER';
  const type = seg.value(1, 1).trim().toUpperCase();
  const draft: TravellerDraft = {
    traveller: newTraveller(
      'PASSENGER',
      normalizeName(seg.value(0, 0)),
      stripPnrTitle(normalizeName(seg.value(1, 0))),
    ),
    segment: seg.position,
  };
  const traveller: PnrTraveller = {
    draft,
    ref: seg.value(1, 2).trim() || undefined,
    infant: TYPE_INFANT.has(type),
    contacts: [],
    payments: [],
    tickets: [],
    bags: new Map(),
  };
  pnr.travellers.push(traveller);
  pnr.current = traveller;
}

function findTraveller(pnr: Pnr, ref: string, surname?: string, given?: string): PnrTraveller | undefined {
  const r = ref.trim();
  if (r) {
    const byRef = pnr.travellers.find((t) => t.ref === r);
    if (byRef) return byRef;
  }
  if (surname) {
    const key = nameKey(surname);
    const givenKey = given ? nameKey(stripPnrTitle(given)) : '';
    return pnr.travellers.find(
      (t) => nameKey(t.draft.traveller.surname) === key && nameKey(t.draft.traveller.givenNames) === givenKey,
    );
  }
  return undefined;
}

function readSsr(seg: Segment, pnr: Pnr, flight: FlightLeg | undefined): void {
  const code = seg.value(0, 0).trim().toUpperCase();
  if (code === 'DOCS' || code === 'DOCO' || code === 'DOCA') {
    pnr.docs.push({
      kind: code,
      text: seg.rest(0, SSR_TEXT, ':'),
      ref: seg.value(1, 2).trim() || undefined,
      owner: pnr.section === 'TRAVELLER' ? pnr.current : undefined,
      segment: seg.position,
    });
    return;
  }
  // A seat SSR names its own sector (board and off point); one for another sector is not this flight's.
  const board = seg.value(0, 6).trim().toUpperCase();
  const off = seg.value(0, 7).trim().toUpperCase();
  const otherSector =
    flight !== undefined && board !== '' && (board !== flight.departure.port || off !== flight.arrival.port);
  if (SEAT_SSRS.has(code) && pnr.section !== 'TRAVELLER' && !otherSector && legIsReported(pnr, flight)) {
    for (const element of seg.elements.slice(1)) {
      const seat = canonicalSeat(element[0]);
      const ref = (element[2] ?? '').trim();
      if (seat && ref) pnr.seatsByRef.set(ref, seat);
    }
  }
}

/** Whether the current itinerary leg is the reported flight (same ports, or same flight number). */
function legIsReported(pnr: Pnr, flight: FlightLeg | undefined): boolean {
  const leg = pnr.legs[pnr.leg];
  if (!leg || !flight) return false;
  if (
    leg.departure.port &&
    leg.departure.port === flight.departure.port &&
    leg.arrival.port === flight.arrival.port
  )
    return true;
  return (
    (leg.carrier === flight.carrier && leg.number === flight.number) ||
    (leg.operatingCarrier === flight.carrier && leg.operatingNumber === flight.number)
  );
}

function readFop(element: string[]): FormOfPayment | undefined {
  const [type = '', , amount = '', vendor = ''] = element;
  if (!type.trim()) return undefined;
  const payment: FormOfPayment = { type: type.trim().toUpperCase() };
  const value = Number(amount);
  if (amount.trim() && Number.isFinite(value)) payment.amount = value;
  // The card number (component 5) is never read: only the vendor code leaves this function.
  if (vendor.trim()) payment.cardVendor = vendor.trim().toUpperCase();
  return payment;
}

function readTbd(seg: Segment, traveller: PnrTraveller): void {
  // `TBD++3:84:700++HP+KL:4074902824:3:MSP` (head of pool), `TBD+++MP:<head's ticket>` (member):
  // only the role is kept, never the ticket number.
  if (seg.value(3, 0).trim().toUpperCase() === 'HP') traveller.bagPool = 'HEAD';
  else if (seg.value(2, 0).trim().toUpperCase() === 'MP') traveller.bagPool ??= 'MEMBER';
  const [count = '', weight = '', unit = ''] = seg.element(1);
  const n = Number(count);
  if (!count.trim() || !Number.isInteger(n) || n < 0) return;
  // C358 bag tag details: carrier, tag number, number of consecutive tags (absent: one), destination.
  const runs: BagTagRun[] = [];
  for (const e of seg.elements.slice(4)) {
    const first = `${(e[0] ?? '').trim()}${(e[1] ?? '').trim()}`.toUpperCase();
    if (!first) continue;
    const consecutive = Number(e[2]);
    runs.push({
      first: first.slice(0, 20),
      count: Number.isInteger(consecutive) && consecutive > 0 ? consecutive : 1,
    });
  }
  const key = runs.length > 0 ? runs.map((r) => r.first).join(',') : `segment:${seg.position}`;
  const w = Number(weight);
  const bag: { count: number; kg?: number; tags?: BagTagRun[] } = { count: n };
  if (runs.length > 0) bag.tags = runs;
  if (weight.trim() && Number.isFinite(w)) {
    bag.kg = unit === UNIT_POUNDS ? Math.round(w * KG_PER_POUND * WEIGHT_DECIMALS) / WEIGHT_DECIMALS : w;
  }
  traveller.bags.set(key, bag);
}

/** Links the PNR's document SSRs to travellers, fills the travellers and returns their drafts. */
function finishPnr(pnr: Pnr, flight: FlightLeg, ctx: ReadContext, findings: Finding[]): TravellerDraft[] {
  if (pnr.travellers.length === 0) {
    findings.push(
      finding('PNR_WITHOUT_TRAVELLERS', 'PNR has no traveller (TIF) before its itinerary', {
        segment: pnr.segment,
        field: 'SRC',
      }),
    );
    return [];
  }
  // Two-digit birth years are placed relative to the flight, not to today (see paxlst travelYear).
  const year = Number(flight.departure.at?.slice(0, 4));
  const docCtx = year > 0 ? { ...ctx, refYear: year } : ctx;
  for (const doc of pnr.docs) applyDoc(doc, pnr, docCtx, findings);

  const legs = pnr.legs.length > 0 ? pnr.legs : [flight];
  const codeshares = [
    ...new Set(legs.filter((l) => l.operatingCarrier && l.carrier).map((l) => `${l.carrier}${l.number}`)),
  ];
  const oneWay =
    legs[0].departure.port !== '' && legs[0].departure.port !== legs[legs.length - 1].arrival.port;

  return pnr.travellers.map((p) => {
    const t = p.draft.traveller;
    t.flight = flight;
    t.itinerary = legs;
    if (legs[0].departure.port) t.embarkation = legs[0].departure.port;
    if (legs[legs.length - 1].arrival.port) t.debarkation = legs[legs.length - 1].arrival.port;
    const seat = p.seat ?? (p.ref ? pnr.seatsByRef.get(p.ref) : undefined);
    if (seat) t.seat = seat;
    const extras: PnrExtras = { locator: pnr.locator ?? '', partySize: pnr.travellers.length, oneWay };
    if (!pnr.locator) {
      t.findings.push(
        finding('INVALID_VALUE', 'PNR has no record locator (RCI)', { segment: pnr.segment, field: 'RCI' }),
      );
    }
    if (pnr.bookingDate) extras.bookingDate = pnr.bookingDate;
    if (pnr.createdAt) extras.createdAt = pnr.createdAt;
    if (pnr.travelAgency) extras.travelAgency = pnr.travelAgency;
    const payments = [...p.payments, ...pnr.payments];
    if (payments.length > 0) extras.formsOfPayment = payments;
    const contacts = dedupeContacts([...p.contacts, ...pnr.contacts]);
    if (contacts.length > 0) extras.contacts = contacts;
    if (p.tickets.length > 0) extras.ticketNumbers = p.tickets;
    if (codeshares.length > 0) extras.codeshares = codeshares;
    if (seat) extras.seat = seat;
    if (p.bags.size > 0) {
      let count = 0;
      let kg = 0;
      let weighed = false;
      const tags: BagTagRun[] = [];
      for (const bag of p.bags.values()) {
        count += bag.count;
        if (bag.tags) tags.push(...bag.tags);
        if (bag.kg !== undefined) {
          kg += bag.kg;
          weighed = true;
        }
      }
      extras.bagCount = count;
      t.bagCount = count;
      if (weighed) extras.bagWeightKg = Math.round(kg * WEIGHT_DECIMALS) / WEIGHT_DECIMALS;
      if (tags.length > 0) t.baggage = { tags };
    }
    if (p.bagPool) t.baggage = { ...t.baggage, pool: p.bagPool };
    t.pnr = extras;
    return p.draft;
  });
}

function dedupeContacts(contacts: Contact[]): Contact[] {
  const seen = new Set<string>();
  return contacts.filter((c) => {
    const key = `${c.kind}\u0000${c.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Which traveller a document SSR belongs to: the one whose names it carries (spaces ignored: wrapped
 * lines split names), an infant for an infant document (sex MI/FI), the one its reference names,
 * the traveller group it sits in, or the only traveller of the PNR.
 */
function applyDoc(doc: PendingDoc, pnr: Pnr, ctx: ReadContext, findings: Finding[]): void {
  const place = (field: string) => ({ segment: doc.segment, field });
  if (doc.kind === 'DOCS') {
    const d = parseDocs(doc.text);
    const sex = d.sex.trim().toUpperCase();
    const infantDoc = sex === 'MI' || sex === 'FI';
    const owner = ownerOf(pnr, doc, d.surname, joinNames([d.given, d.middle]), infantDoc);
    if (!owner) {
      findings.push(finding('INVALID_VALUE', 'SSR DOCS could not be linked to a traveller', place('SSR')));
      return;
    }
    const t = owner.draft.traveller;
    const sink = t.findings;
    if (d.number) {
      const document: TravelDocument = {
        type: d.type.toUpperCase().slice(0, 3),
        number: d.number.toUpperCase(),
      };
      const issuer = countryField(d.issuer, sink, 'document.issuer', doc.segment);
      if (issuer) document.issuer = issuer;
      const expiry = parseDdmmmyy(d.expiry, 'nearest', ctx.refYear);
      if (expiry === null)
        sink.push(finding('INVALID_DATE', 'document.expiry: not a valid date', place('document.expiry')));
      else if (expiry) document.expiry = expiry;
      addDocument(t.documents, document);
    }
    if (!t.nationality) {
      const nationality = countryField(d.nationality, sink, 'nationality', doc.segment);
      if (nationality) t.nationality = nationality;
    }
    if (!t.dateOfBirth) {
      const dob = parseDdmmmyy(d.dateOfBirth, 'birth', ctx.refYear);
      if (dob === null)
        sink.push(finding('INVALID_DATE', 'dateOfBirth: not a valid date', place('dateOfBirth')));
      else if (dob) {
        t.dateOfBirth = dob;
        if (ddmmmyyHasTwoDigitYear(d.dateOfBirth)) t.dateOfBirthTwoDigitYear = true;
      }
    }
    if (t.gender === 'U' && sex) t.gender = genderField(sex, sink, 'gender', doc.segment).gender;
    return;
  }
  const owner = ownerOf(pnr, doc, '', '', false);
  if (!owner) return;
  const t = owner.draft.traveller;
  if (doc.kind === 'DOCO') {
    const d = parseDoco(doc.text);
    if (d.placeOfBirth && !t.placeOfBirth) t.placeOfBirth = normalizeName(d.placeOfBirth);
    if (!d.number) return;
    const document: TravelDocument = {
      type: d.type.toUpperCase().slice(0, 3),
      number: d.number.toUpperCase(),
    };
    const issuer = countryField(d.country, t.findings, 'document.issuer', doc.segment);
    if (issuer) document.issuer = issuer;
    const issued = parseDdmmmyy(d.issued, 'nearest', ctx.refYear);
    if (issued) document.issued = issued;
    addDocument(t.documents, document);
    return;
  }
  const a = parseDoca(doc.text);
  if (a.kind.toUpperCase() === 'R' && !t.residence) {
    const residence = countryField(a.country, t.findings, 'residence', doc.segment);
    if (residence) t.residence = residence;
  }
  const address = [a.street, a.city, a.state, a.postalCode, a.country].filter(Boolean).join(', ');
  if (address) owner.contacts.push({ kind: 'address', value: address });
}

function ownerOf(
  pnr: Pnr,
  doc: PendingDoc,
  surname: string,
  given: string,
  infantDoc: boolean,
): PnrTraveller | undefined {
  const travellers = pnr.travellers;
  if (surname) {
    const sKey = nameKey(normalizeName(surname));
    const gKey = nameKey(normalizeName(given));
    const sameSurname = travellers.filter((t) => nameKey(t.draft.traveller.surname) === sKey);
    const named = sameSurname.filter((t) => {
      const first = t.draft.traveller.givenNames.split(' ')[0] ?? '';
      return first !== '' && gKey.startsWith(nameKey(first));
    });
    const pick = (list: PnrTraveller[]) =>
      list.find((t) => t.infant === infantDoc) ?? (list.length === 1 ? list[0] : undefined);
    const byName = pick(named);
    if (byName) return byName;
    if (sameSurname.length === 1 && sameSurname[0].infant === infantDoc) return sameSurname[0];
  }
  if (infantDoc) {
    const infant = travellers.find((t) => t.infant && t.draft.traveller.documents.length === 0);
    if (infant) return infant;
  }
  if (doc.ref) {
    const byRef = travellers.find((t) => t.ref === doc.ref);
    if (byRef && byRef.infant === infantDoc) return byRef;
  }
  if (doc.owner && doc.owner.infant === infantDoc) return doc.owner;
  return travellers.length === 1 ? travellers[0] : undefined;
}

function addDocument(documents: TravelDocument[], document: TravelDocument): void {
  if (documents.some((d) => d.type === document.type && d.number === document.number)) return;
  documents.push(document);
}
