import type {
  Finding,
  FlightLeg,
  TravelDocument,
  TravellerRole,
  TravellerStatusState,
} from '@paxscreen/contracts';

import type { MessageHeader, MessageSink, RawMessage } from '../interchange/envelope';
import { assembleMessage, emptyLeg, newTraveller, TravellerDraft } from '../manifest/assemble';
import { isDigits } from '../normalize/digits';
import { EdifactError } from '../errors/edifact.error';
import { canonicalSeat, tdtFlight } from '../normalize/flight';
import { CenturyRule, hasTwoDigitYear } from '../normalize/dates';
import { joinNames, normalizeName } from '../normalize/names';
import { finding } from '../quality/finding';
import { countryField, dateField, genderField } from '../quality/field-sink';
import type { Segment } from '../syntax/segment';
import type { ManifestKind, ParsedMessage, ReadContext, ReportingParty } from '../types';
import { checkQualifier } from './qualifiers';
import { travellerStatusChange } from './status-change';
import { readPdt, readUsDtm, readUsLoc } from './us-variant';

/**
 * PAXLST (UN/EDIFACT D02B, D05B, D12B, D15B as profiled by the WCO/IATA/ICAO API Guidelines, and the
 * older US variant with UNS/PDT). The reader is driven by segment tags and qualifiers, not by a
 * fixed segment table, so versions that add or move conditional segments read the same way.
 */

/** NAD 3035 party qualifiers of travellers. Anything else (MS = reporting party) is not a traveller. */
const ROLES: Readonly<Record<string, TravellerRole>> = {
  FL: 'PASSENGER',
  FM: 'CREW',
  DDT: 'IN_TRANSIT',
  DDU: 'IN_TRANSIT',
  COT: 'IN_TRANSIT',
};
/** BGM 1001: 250 crew list declaration, 336 master crew list. */
const CREW_DOCUMENTS = new Set(['250', '336']);
/** CNT 6069: 42 passengers, 41 crew. */
const CNT_PASSENGERS = '42';
const CNT_CREW = '41';

/** LOC 3227 in the TDT group: 125 last departure before the border, 87 first arrival, 92 routing. */
const LOC_DEPARTURE = '125';
const LOC_ARRIVAL = '87';
const LOC_ROUTING = '92';
/** DTM 2005: 189 departure, 232 arrival, 329 birth, 36 expiry, 182 issue. */
const DTM_DEPARTURE = '189';
const DTM_ARRIVAL = '232';
const DTM_BIRTH = '329';
const DTM_EXPIRY = '36';
const DTM_ISSUE = '182';
/** NAD element holding C080 (surname, then given names). */
const NAD_NAME = 3;

interface LegState {
  leg: FlightLeg;
  crossing: boolean;
  routed: number;
}

type Draft = TravellerDraft & {
  doc: TravelDocument | undefined;
  bagsFromTags: number;
  hasMeasuredBags: boolean;
};

/** Reads a whole message at once (tests); readMessage streams segments into `paxlstReader`. */
export function readPaxlst(msg: RawMessage, ctx: ReadContext): ParsedMessage {
  const reader = paxlstReader(msg, ctx);
  for (const seg of msg.body) reader.push(seg);
  return reader.finish(msg.findings);
}

export function paxlstReader(msg: MessageHeader, ctx: ReadContext): MessageSink<ParsedMessage> {
  const findings: Finding[] = [];
  const legs: LegState[] = [];
  const drafts: Draft[] = [];
  let documentCode: string | undefined;
  let statusChange: TravellerStatusState | undefined;
  let transactionRef: string | undefined;
  let reportingParty: ReportingParty | undefined;
  let inReportingParty = false;
  let counted: { passengers?: number; crew?: number; segment: number } | undefined;

  let cur: Draft | undefined;
  const curFindings = () => cur!.traveller.findings;
  // The travel year of two-digit birth years depends only on the crossing leg's departure time:
  // computed again only when that changes (null: not yet computed).
  let yearAt: string | undefined | null = null;
  let year = 0;
  const travelYearNow = (): number => {
    const at = crossingOrLast(legs)?.leg.departure.at;
    if (at !== yearAt) {
      yearAt = at;
      year = travelYear(legs, ctx);
    }
    return year;
  };

  const push = (seg: Segment): void => {
    switch (seg.tag) {
      case 'BGM':
        documentCode = seg.value(0) || undefined;
        statusChange = travellerStatusChange(seg.value(1, 0), seg.value(2));
        break;
      case 'RFF':
        if (!cur) {
          if (seg.value(0, 0) === 'TN') transactionRef = seg.value(0, 1) || undefined;
          break;
        }
        readTravellerRff(seg, cur);
        checkQualifier('travellerRff', 'RFF', seg.value(0, 0), seg.position, curFindings());
        break;
      case 'NAD': {
        const qualifier = seg.value(0);
        const role = ROLES[qualifier];
        if (!role) {
          inReportingParty = qualifier === 'MS';
          if (inReportingParty) reportingParty = { name: normalizeName(seg.rest(3, 0, ' ')) || undefined };
          break;
        }
        inReportingParty = false;
        cur = {
          traveller: newTraveller(role, normalizeName(seg.value(3, 0)), givenNames(seg)),
          segment: seg.position,
          doc: undefined,
          bagsFromTags: 0,
          hasMeasuredBags: false,
        };
        drafts.push(cur);
        if (ctx.maxTravellers !== undefined && drafts.length > ctx.maxTravellers)
          throw new EdifactError(
            'TOO_MANY_TRAVELLERS',
            `more than ${ctx.maxTravellers} travellers`,
            seg.position,
          );
        break;
      }
      case 'COM':
        if (inReportingParty && reportingParty) readCom(seg, reportingParty);
        break;
      case 'TDT': {
        const designator = tdtFlight((e, c) => seg.value(e, c));
        const hint = seg.value(4, 0) || seg.value(3, 0) || undefined;
        if (!designator) {
          findings.push(
            finding('INVALID_FLIGHT_NUMBER', 'TDT conveyance reference is not a flight designator', {
              segment: seg.position,
              field: 'TDT',
            }),
          );
        }
        legs.push({
          leg: emptyLeg(designator?.carrier ?? hint ?? '', designator?.number ?? ''),
          crossing: false,
          routed: 0,
        });
        break;
      }
      case 'LOC': {
        const qualifier = seg.value(0);
        if (cur) {
          readTravellerLoc(seg, cur, ctx);
          checkQualifier('travellerLoc', 'LOC', qualifier, seg.position, curFindings());
        } else if (legs.length > 0) {
          readLegLoc(seg, qualifier, legs[legs.length - 1]);
          checkQualifier('legLoc', 'LOC', qualifier, seg.position, findings);
        }
        break;
      }
      case 'DTM': {
        const qualifier = seg.value(0, 0);
        const us = readUsDtm(seg, ctx.refYear);
        if (us && legs.length > 0) {
          const leg = legs[legs.length - 1].leg;
          if (us.kind === 'departure') leg.departure.at = us.at;
          else leg.arrival.at = us.at;
          break;
        }
        if (qualifier === DTM_DEPARTURE || qualifier === DTM_ARRIVAL) {
          if (legs.length === 0) break;
          const at = date(seg, 'nearest', ctx.refYear, findings, 'DTM');
          const leg = legs[legs.length - 1].leg;
          if (qualifier === DTM_DEPARTURE) leg.departure.at = at;
          else leg.arrival.at = at;
          if (at === undefined) delete (qualifier === DTM_DEPARTURE ? leg.departure : leg.arrival).at;
          break;
        }
        if (!cur) {
          if (legs.length > 0) checkQualifier('legDtm', 'DTM', qualifier, seg.position, findings);
          break;
        }
        checkQualifier('travellerDtm', 'DTM', qualifier, seg.position, curFindings());
        if (qualifier === DTM_BIRTH) {
          const dob = date(seg, 'birth', travelYearNow(), curFindings(), 'dateOfBirth');
          if (dob) {
            cur.traveller.dateOfBirth = dob;
            if (hasTwoDigitYear(seg.value(0, 1), seg.value(0, 2)))
              cur.traveller.dateOfBirthTwoDigitYear = true;
          }
        } else if ((qualifier === DTM_EXPIRY || qualifier === DTM_ISSUE) && cur.doc) {
          const expiry = qualifier === DTM_EXPIRY;
          const value = date(
            seg,
            'nearest',
            ctx.refYear,
            curFindings(),
            expiry ? 'document.expiry' : 'document.issued',
          );
          if (value) cur.doc[expiry ? 'expiry' : 'issued'] = value;
        }
        break;
      }
      case 'ATT':
        if (cur)
          cur.traveller.gender = genderField(seg.value(2, 0), curFindings(), 'gender', seg.position).gender;
        break;
      case 'NAT':
        if (cur) {
          const nationality = countryField(seg.value(1, 0), curFindings(), 'nationality', seg.position);
          if (nationality) cur.traveller.nationality = nationality;
        }
        break;
      case 'DOC':
        if (cur) {
          cur.doc = {
            type: seg.value(0, 0).trim().toUpperCase().slice(0, 3),
            number: seg.value(1, 0).trim().toUpperCase(),
          };
          // A one-element array rather than a push onto the empty one (which reserves 17 slots).
          checkQualifier('doc', 'DOC', cur.doc.type, seg.position, curFindings());
          const documents = cur.traveller.documents;
          if (documents.length === 0) cur.traveller.documents = [cur.doc];
          else documents.push(cur.doc);
        }
        break;
      case 'MEA':
        if (cur && seg.value(0) === 'WT') readWeight(seg, cur.traveller);
        if (cur && seg.value(0) === 'CT') {
          const n = Number(lastNumber(seg, 2));
          if (Number.isInteger(n) && n >= 0) {
            cur.traveller.bagCount = n;
            cur.hasMeasuredBags = true;
          }
        }
        break;
      case 'FTX':
        if (cur && seg.value(0) === 'BAG' && seg.value(3, 0)) {
          const n = Number(seg.value(3, 1) || '1');
          const run = Number.isInteger(n) && n > 0 ? n : 1;
          cur.bagsFromTags += run;
          addTagRun(cur.traveller, seg.value(3, 0).trim().toUpperCase(), run);
          if (!cur.hasMeasuredBags) cur.traveller.bagCount = cur.bagsFromTags;
        }
        break;
      case 'PDT': {
        const draft = readPdt(seg, travelYearNow());
        cur = { ...draft, doc: undefined, bagsFromTags: 0, hasMeasuredBags: false };
        drafts.push(cur);
        break;
      }
      case 'CNT':
        counted = readCnt(seg, counted);
        break;
      default:
        break;
    }
  };

  const finish = (envelopeFindings: Finding[]): ParsedMessage => {
    findings.unshift(...envelopeFindings);
    const crossingLeg = legs.find((l) => l.crossing) ?? legs[legs.length - 1];
    let flight = crossingLeg?.leg;
    if (!flight) {
      findings.push(finding('MISSING_FLIGHT', 'message has no TDT flight', { field: 'TDT' }));
      flight = emptyLeg();
    }
    const itinerary = legs.map((l) => l.leg);
    for (const d of drafts) {
      d.traveller.flight = flight;
      d.traveller.itinerary = itinerary.length > 0 ? itinerary : [flight];
      // Not `delete`: that turned every draft into a dictionary-mode object.
      d.doc = undefined;
    }
    checkCounts(counted, drafts, findings);
    if (msg.multipart) {
      findings.push(
        finding(
          'MULTIPART_PART',
          `part ${msg.multipart.sequence}${msg.multipart.final ? ' (final)' : ''} of a multi-part message`,
          {
            segment: msg.header.position,
            field: 'UNH',
          },
        ),
      );
    }

    const kind: ManifestKind =
      (documentCode && CREW_DOCUMENTS.has(documentCode)) ||
      (drafts.length > 0 && drafts.every((d) => d.traveller.role === 'CREW'))
        ? 'CREW'
        : 'PASSENGERS';
    return assembleMessage(
      {
        messageType: 'PAXLST',
        version: msg.version,
        messageRef: msg.ref || undefined,
        kind,
        flight,
        legs: itinerary,
        direction: ctx.direction,
        reportingParty,
        documentCode,
        travellerStatus: statusChange,
        transactionRef,
        multipart: msg.multipart,
        travellers: drafts,
        findings,
        strict: true,
      },
      ctx,
    );
  };
  return { push, finish };
}

/**
 * Two-digit birth years are placed relative to the flight, not to today: a manifest from 2010 with
 * a traveller born in `15` means 1915, not 2015.
 */
function travelYear(legs: LegState[], ctx: ReadContext): number {
  const leg = crossingOrLast(legs);
  const year = Number(leg?.leg.departure.at?.slice(0, 4));
  return year > 0 ? year : ctx.refYear;
}

function readTravellerRff(seg: Segment, cur: TravellerDraft): void {
  const value = seg.value(0, 1).trim();
  if (!value) return;
  switch (seg.value(0, 0)) {
    case 'AVF':
      cur.traveller.pnr = { locator: value.toUpperCase() };
      break;
    case 'ABO':
      cur.ref = value;
      break;
    case 'SEA': {
      const seat = canonicalSeat(value);
      if (seat) cur.traveller.seat = seat;
      break;
    }
    default:
      break;
  }
}

function readTravellerLoc(seg: Segment, cur: Draft, ctx: ReadContext): void {
  const t = cur.traveller;
  const code = seg.value(1, 0).trim().toUpperCase();
  switch (seg.value(0)) {
    case '91':
      if (cur.doc) {
        const issuer = countryField(code, t.findings, 'document.issuer', seg.position);
        if (issuer) cur.doc.issuer = issuer;
      }
      break;
    case '174': {
      const residence = countryField(code, t.findings, 'residence', seg.position);
      if (residence) t.residence = residence;
      break;
    }
    case '178':
      if (code) t.embarkation = code;
      break;
    case '179':
      if (code) t.debarkation = code;
      break;
    case '180': {
      const name = normalizeName(code || seg.rest(1, 1, ' '));
      if (name) t.placeOfBirth = name;
      break;
    }
    default:
      break;
  }
  void ctx;
}

function readLegLoc(seg: Segment, qualifier: string, state: LegState): void {
  const us = readUsLoc(seg);
  if (us) {
    if (us.kind === 'departure') state.leg.departure.port = us.port;
    else state.leg.arrival.port = us.port;
    state.crossing = true;
    return;
  }
  const port = seg.value(1, 0).trim().toUpperCase();
  if (qualifier === LOC_DEPARTURE) {
    state.leg.departure.port = port;
    state.crossing = true;
  } else if (qualifier === LOC_ARRIVAL) {
    state.leg.arrival.port = port;
    state.crossing = true;
  } else if (qualifier === LOC_ROUTING) {
    if (state.routed === 0) state.leg.departure.port = port;
    else state.leg.arrival.port = port;
    state.routed++;
  }
}

function readCom(seg: Segment, party: ReportingParty): void {
  for (const element of seg.elements) {
    const [number, kind] = element;
    if (!number) continue;
    if (kind === 'TE') party.phone = number;
    else if (kind === 'FX') party.fax = number;
    else if (kind === 'EM') party.email = number;
  }
}

function readCnt(seg: Segment, prior: { passengers?: number; crew?: number; segment: number } | undefined) {
  const next = { ...(prior ?? {}), segment: seg.position };
  // `CNT+41+8` (element separator for the component one) is read as `CNT+41:8`.
  const raw = seg.value(0, 1) || seg.value(1, 0);
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n)) return next;
  if (seg.value(0, 0) === CNT_PASSENGERS) next.passengers = n;
  if (seg.value(0, 0) === CNT_CREW) next.crew = n;
  return next;
}

/** CNT 42/41 must equal the passengers (all non-crew) and crew members read. */
function checkCounts(
  counted: { passengers?: number; crew?: number; segment: number } | undefined,
  drafts: TravellerDraft[],
  findings: Finding[],
): void {
  if (!counted) return;
  const crew = drafts.filter((d) => d.traveller.role === 'CREW').length;
  const passengers = drafts.length - crew;
  const check = (declared: number | undefined, actual: number, what: string, code: string) => {
    if (declared !== undefined && declared !== actual) {
      findings.push(
        finding('COUNT_MISMATCH', `CNT ${code} declares ${declared} ${what}, the message has ${actual}`, {
          segment: counted.segment,
          field: 'CNT',
        }),
      );
    }
  };
  check(counted.passengers, passengers, 'passengers', CNT_PASSENGERS);
  check(counted.crew, crew, 'crew members', CNT_CREW);
}

/** `MEA+WT++KGM:20`: total checked-bag weight and its unit as sent (a value that is not a number is ignored). */
function readWeight(seg: Segment, t: Draft['traveller']): void {
  const unit = seg.value(2, 0).trim().toUpperCase();
  const raw = seg.value(2, 1).trim().replace(',', '.');
  const weight = Number(raw);
  if (raw === '' || !Number.isFinite(weight) || weight < 0) return;
  t.baggage = { ...t.baggage, weight, ...(unit ? { weightUnit: unit.slice(0, 3) } : {}) };
}

function addTagRun(t: Draft['traveller'], first: string, count: number): void {
  const run = { first: first.slice(0, 20), count };
  const baggage = (t.baggage ??= {});
  if (baggage.tags) baggage.tags.push(run);
  else baggage.tags = [run];
}

/** The last all-digits component of element `e` ('' when there is none). */
function lastNumber(seg: Segment, e: number): string {
  for (let c = seg.componentCount(e) - 1; c >= 0; c--) {
    const v = seg.value(e, c);
    if (isDigits(v)) return v;
  }
  return '';
}

/** The crossing leg when the message says which, else the last one. */
function crossingOrLast(legs: LegState[]): LegState | undefined {
  for (let i = 0; i < legs.length; i++) if (legs[i].crossing) return legs[i];
  return legs[legs.length - 1];
}

/** NAD C080 components 2–5 (given names), joined; no array for the usual single component. */
function givenNames(seg: Segment): string {
  const count = seg.componentCount(NAD_NAME);
  if (count <= 1) return '';
  if (count === 2) return joinNames([seg.value(NAD_NAME, 1)]);
  return joinNames(seg.element(NAD_NAME).slice(1));
}

/** DTM C507 date (component 1) in its format (component 2), checked into `into` as `field`. */
function date(seg: Segment, rule: CenturyRule, refYear: number, into: Finding[], field: string) {
  return dateField(seg.value(0, 1), { format: seg.value(0, 2), rule, refYear }, into, field, seg.position);
}
