import type { Finding, FlightLeg, TravelDocument, TravellerRole } from '@paxscreen/contracts';
import {
  ContractViolation,
  JsonFlight,
  JsonManifest,
  JsonTraveller,
  isPartialDate,
  JSON_MANIFEST_MAX_TRAVELLERS,
  validPlain,
} from '@paxscreen/contracts';

import { EdifactError } from '../errors/edifact.error';
import { assembleMessage, newTraveller, TravellerDraft } from '../manifest/assemble';
import { mrzDate } from '../mrz/mrz.document';
import { MrzReading, parseMrz } from '../mrz/mrz.parse';
import { canonicalFlightNumber, canonicalSeat } from '../normalize/flight';
import { joinNames, normalizeName } from '../normalize/names';
import { finding } from '../quality/finding';
import { countryField, genderField } from '../quality/field-sink';
import { MAX_PARTS, type ParsedMessage, type ReadContext } from '../types';

/** The version string reports and ParsedMessage carry for JSON manifests. */
export const JSON_VERSION_PREFIX = 'json:';
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;
/**
 * A version-1 manifest nests 6 levels at most (manifest → travellers → traveller → documents →
 * document → mrz). Deeper input is refused before validation: class-transformer recurses once per
 * level and would overflow the stack (a RangeError, not a typed error) on a few thousand.
 */
const MAX_JSON_DEPTH = 16;

/**
 * A JSON manifest (docs/json-manifest.md) → the same message shape as PAXLST. Structure errors
 * (not JSON, wrong types) stop the read with INVALID_JSON_MANIFEST naming property paths; content
 * problems (dates, codes, MRZ check digits) become findings at `travellers[i].<field>`.
 */
export function readJsonManifest(text: string, ctx: ReadContext): ParsedMessage {
  let plain: unknown;
  try {
    plain = JSON.parse(text);
  } catch {
    throw new EdifactError('INVALID_JSON_MANIFEST', 'input starts like JSON but is not valid JSON');
  }
  if (!prepare(plain, MAX_JSON_DEPTH))
    throw new EdifactError(
      'INVALID_JSON_MANIFEST',
      `JSON manifest is nested deeper than ${MAX_JSON_DEPTH} levels`,
    );
  // Counted before validation, which would otherwise validate every traveller of an oversized list first.
  const listed = (plain as { travellers?: unknown } | null)?.travellers;
  if (Array.isArray(listed) && ctx.maxTravellers !== undefined && listed.length > ctx.maxTravellers) {
    throw new EdifactError('TOO_MANY_TRAVELLERS', `more than ${ctx.maxTravellers} travellers`);
  }
  if (Array.isArray(listed) && listed.length > JSON_MANIFEST_MAX_TRAVELLERS) {
    throw new EdifactError(
      'INVALID_JSON_MANIFEST',
      `JSON manifest lists more than ${JSON_MANIFEST_MAX_TRAVELLERS} travellers`,
    );
  }
  let manifest: JsonManifest;
  try {
    // Read for its fields only: a valid manifest is not copied into class instances.
    manifest = validPlain(JsonManifest, plain);
  } catch (err) {
    if (err instanceof ContractViolation) {
      throw new EdifactError(
        'INVALID_JSON_MANIFEST',
        `JSON manifest does not match format version 1: ${err.problems.slice(0, 5).join('; ')}`,
      );
    }
    throw err;
  }
  if (manifest.part && manifest.part.sequence > MAX_PARTS)
    throw new EdifactError('INVALID_JSON_MANIFEST', `part.sequence is above ${MAX_PARTS}`);

  const findings: Finding[] = [];
  const flight = readLeg(manifest.flight, 'flight', findings);
  const legs = manifest.legs?.length
    ? manifest.legs.map((l, i) => readLeg(l, `legs[${i}]`, findings))
    : [flight];
  const defaultRole: TravellerRole = manifest.kind === 'CREW' ? 'CREW' : 'PASSENGER';
  const drafts = manifest.travellers.map((t, i) =>
    readTraveller(t, `travellers[${i}]`, defaultRole, flight, legs, ctx),
  );

  return assembleMessage(
    {
      messageType: 'JSON',
      version: `${JSON_VERSION_PREFIX}${manifest.version}`,
      messageRef: manifest.messageId,
      kind: manifest.kind,
      flight,
      legs,
      direction: manifest.direction ?? ctx.direction,
      reportingParty: manifest.reportingParty ? { ...manifest.reportingParty } : undefined,
      transactionRef: manifest.messageId,
      travellerStatus: manifest.travellerStatus,
      multipart: manifest.part ? { ...manifest.part } : undefined,
      travellers: drafts,
      findings,
      strict: true,
    },
    ctx,
  );
}

/**
 * One pass over the parsed JSON before validation: false when it nests deeper than `limit`;
 * otherwise properties set to null are removed, so an optional field sent as null reads as absent
 * (class-validator's @IsOptional lets null through to code that expects a string) and a required
 * one as missing. Iterative: the point is to survive input that would overflow a recursive walk.
 */
function prepare(value: unknown, limit: number): boolean {
  // Two parallel stacks (value, depth): no pair array or entries array per node.
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return false;
    if (Array.isArray(v)) {
      for (const child of v as unknown[]) {
        values.push(child);
        depths.push(depth + 1);
      }
      continue;
    }
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (child === null) delete record[key];
      else if (typeof child === 'object') {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return true;
}

function readLeg(f: JsonFlight, path: string, findings: Finding[]): FlightLeg {
  const number = canonicalFlightNumber(f.number);
  if (!number)
    findings.push(
      finding('INVALID_FLIGHT_NUMBER', 'flight number is not 1–4 digits and a suffix', {
        field: `${path}.number`,
      }),
    );
  const leg: FlightLeg = {
    carrier: f.carrier.trim().toUpperCase(),
    number: number ?? f.number.trim().toUpperCase(),
    departure: { port: f.departure.port.trim().toUpperCase() },
    arrival: { port: f.arrival.port.trim().toUpperCase() },
  };
  for (const end of ['departure', 'arrival'] as const) {
    const at = f[end].at?.trim();
    if (!at) continue;
    if (LOCAL_DATE_TIME.test(at)) leg[end].at = at.slice(0, 16);
    else
      findings.push(
        finding('INVALID_DATE', `${path}.${end}.at: not YYYY-MM-DDTHH:MM`, { field: `${path}.${end}.at` }),
      );
  }
  if (f.operatingCarrier) leg.operatingCarrier = f.operatingCarrier.trim().toUpperCase();
  if (f.operatingNumber) leg.operatingNumber = canonicalFlightNumber(f.operatingNumber) ?? f.operatingNumber;
  return leg;
}

function readTraveller(
  j: JsonTraveller,
  path: string,
  defaultRole: TravellerRole,
  flight: FlightLeg,
  legs: FlightLeg[],
  ctx: ReadContext,
): TravellerDraft {
  const t = newTraveller(j.role ?? defaultRole, normalizeName(j.surname), joinNames([j.givenNames]));
  const sink = t.findings;
  const at = (field: string) => ({ field: `${path}.${field}` });
  t.flight = flight;
  t.itinerary = legs;
  const dob = partialDate(j.dateOfBirth, sink, at('dateOfBirth'));
  if (dob) t.dateOfBirth = dob;
  if (j.gender !== undefined) t.gender = genderField(j.gender, sink, `${path}.gender`).gender;
  const nationality = countryField(j.nationality, sink, `${path}.nationality`);
  if (nationality) t.nationality = nationality;
  const residence = countryField(j.residence, sink, `${path}.residence`);
  if (residence) t.residence = residence;
  if (j.placeOfBirth) t.placeOfBirth = normalizeName(j.placeOfBirth);
  if (j.embarkation) t.embarkation = j.embarkation.trim().toUpperCase();
  if (j.debarkation) t.debarkation = j.debarkation.trim().toUpperCase();
  const seat = canonicalSeat(j.seat);
  if (seat) t.seat = seat;
  else if (j.seat) sink.push(finding('INVALID_VALUE', 'seat is not a row and a letter', at('seat')));
  if (j.bagCount !== undefined) t.bagCount = j.bagCount;
  if (j.pnrLocator) t.pnr = { locator: j.pnrLocator.trim().toUpperCase() };

  (j.documents ?? []).forEach((d, i) => {
    const docPath = `documents[${i}]`;
    const doc: TravelDocument = { type: d.type.trim().toUpperCase(), number: d.number.trim().toUpperCase() };
    const issuer = countryField(d.issuer, sink, `${path}.${docPath}.issuer`);
    if (issuer) doc.issuer = issuer;
    const expiry = partialDate(d.expiry, sink, at(`${docPath}.expiry`));
    if (expiry) doc.expiry = expiry;
    const issued = partialDate(d.issued, sink, at(`${docPath}.issued`));
    if (issued) doc.issued = issued;
    t.documents.push(doc);
    if (d.mrz) checkMrz(d.mrz, doc, t.dateOfBirth, sink, `${path}.${docPath}.mrz`, ctx.now);
  });
  return { traveller: t, ref: j.ref, path };
}

function partialDate(raw: string | undefined, sink: Finding[], place: { field: string }): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const v = raw.trim();
  if (isPartialDate(v)) return v;
  sink.push(finding('INVALID_DATE', `${place.field}: not YYYY-MM-DD, YYYY-MM or YYYY`, place));
  return undefined;
}

const MRZ_FIELD_NAMES: Readonly<Record<string, string>> = {
  documentNumber: 'document number',
  dateOfBirth: 'date of birth',
  expiry: 'expiry date',
  personalNumber: 'personal number',
  composite: 'composite',
};

/** MRZ check digits (ICAO 9303) and agreement between the MRZ and the fields sent beside it. */
function checkMrz(
  lines: string[],
  doc: TravelDocument,
  dob: string | undefined,
  sink: Finding[],
  field: string,
  now: Date,
): void {
  const mrz: MrzReading | undefined = parseMrz(lines);
  if (!mrz) {
    sink.push(finding('MRZ_INVALID', 'MRZ is not a TD1, TD2 or TD3 zone', { field }));
    return;
  }
  for (const check of mrz.checks) {
    if (!check.valid) {
      sink.push(
        finding('MRZ_CHECK_DIGIT', `MRZ ${MRZ_FIELD_NAMES[check.field]} check digit does not match`, {
          field,
        }),
      );
    }
  }
  const yymmdd = (iso: string | undefined) =>
    iso && iso.length === 10 ? `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}` : undefined;
  if (mrz.documentNumber.replace(/\s/g, '') !== doc.number.replace(/\s/g, '')) {
    sink.push(
      finding('MRZ_MISMATCH', 'MRZ document number differs from the document number sent', { field }),
    );
  }
  const sentDob = yymmdd(dob);
  if (sentDob && sentDob !== mrz.dateOfBirth) {
    sink.push(finding('MRZ_MISMATCH', 'MRZ date of birth differs from the date of birth sent', { field }));
  }
  const sentExpiry = yymmdd(doc.expiry);
  if (sentExpiry && sentExpiry !== mrz.expiry) {
    sink.push(finding('MRZ_MISMATCH', 'MRZ expiry date differs from the expiry date sent', { field }));
  }
  // No expiry sent beside the zone: the zone's, when its check digit holds (not MISSING_DOCUMENT_EXPIRY).
  if (!doc.expiry && mrz.checks.some((c) => c.field === 'expiry' && c.valid)) {
    const expiry = mrzDate(mrz.expiry, 'expiry', now);
    if (expiry) doc.expiry = expiry;
  }
}
