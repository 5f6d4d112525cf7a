import type { TravellerRole } from '@paxscreen/contracts';

import { newTraveller, TravellerDraft } from '../manifest/assemble';
import { parseEdiDate } from '../normalize/dates';
import { joinNames, normalizeName } from '../normalize/names';
import { finding } from '../quality/finding';
import { countryField, dateField, genderField } from '../quality/field-sink';
import type { Segment } from '../syntax/segment';

/**
 * The US variant of PAXLST (US Customs APIS before the UN/EDIFACT profile): a UNS section separator,
 * TDT flight, LOC 005/008 with `<country alpha-2><airport>`, DTM 136/132 with date and time as
 * separate elements, and one PDT segment per person:
 * `PDT+<type>/<number>:<expiry YYMMDD>:<issuer>+<surname>:<given>:<middle>:<birth YYMMDD>:<sex>+<PAX|CRW|ITI>+<embark>:<debark>`.
 */
const US_DEPARTURE = '005';
const US_ARRIVAL = '008';
const US_DTM_DEPARTURE = '136';
const US_DTM_ARRIVAL = '132';
const COUNTRY_PREFIX = 2;
const PREFIXED_PORT_LENGTH = 5;

const STATUS_ROLES: Readonly<Record<string, TravellerRole>> = {
  PAX: 'PASSENGER',
  CRW: 'CREW',
  ITI: 'IN_TRANSIT',
};

function port(prefixed: string): string {
  const v = prefixed.trim().toUpperCase();
  return v.length === PREFIXED_PORT_LENGTH ? v.slice(COUNTRY_PREFIX) : v;
}

export function readUsLoc(seg: Segment): { kind: 'departure' | 'arrival'; port: string } | undefined {
  const qualifier = seg.value(0);
  if (qualifier !== US_DEPARTURE && qualifier !== US_ARRIVAL) return undefined;
  return { kind: qualifier === US_DEPARTURE ? 'departure' : 'arrival', port: port(seg.value(1, 0)) };
}

export function readUsDtm(
  seg: Segment,
  refYear: number,
): { kind: 'departure' | 'arrival'; at?: string } | undefined {
  const qualifier = seg.value(0, 0);
  if ((qualifier !== US_DTM_DEPARTURE && qualifier !== US_DTM_ARRIVAL) || seg.value(1) === '')
    return undefined;
  const at = parseEdiDate(`${seg.value(1)}${seg.value(2)}`, undefined, 'nearest', refYear) ?? undefined;
  return { kind: qualifier === US_DTM_DEPARTURE ? 'departure' : 'arrival', at };
}

export function readPdt(seg: Segment, refYear: number): TravellerDraft {
  const place = (field: string) => ({ segment: seg.position, field });
  const status = seg.value(2).trim().toUpperCase();
  const traveller = newTraveller(
    STATUS_ROLES[status] ?? 'PASSENGER',
    normalizeName(seg.value(1, 0)),
    joinNames([seg.value(1, 1), seg.value(1, 2)]),
  );
  const findings = traveller.findings;
  if (status && !STATUS_ROLES[status])
    findings.push(finding('INVALID_VALUE', 'PDT person status is not PAX, CRW or ITI', place('role')));
  const [typeAndNumber = '', expiry = '', issuer = ''] = seg.element(0);
  const slash = typeAndNumber.indexOf('/');
  const type = (slash >= 0 ? typeAndNumber.slice(0, slash) : typeAndNumber.slice(0, 1)).trim().toUpperCase();
  const number = (slash >= 0 ? typeAndNumber.slice(slash + 1) : typeAndNumber.slice(1)).trim().toUpperCase();
  if (type || number) {
    const doc: TravellerDraft['traveller']['documents'][number] = { type: type.slice(0, 3), number };
    const expiryDate = dateField(
      expiry,
      { rule: 'nearest', refYear },
      findings,
      'document.expiry',
      seg.position,
    );
    if (expiryDate) doc.expiry = expiryDate;
    const issuerCode = countryField(issuer, findings, 'document.issuer', seg.position);
    if (issuerCode) doc.issuer = issuerCode;
    traveller.documents.push(doc);
  }
  const dob = dateField(seg.value(1, 3), { rule: 'birth', refYear }, findings, 'dateOfBirth', seg.position);
  if (dob) traveller.dateOfBirth = dob;
  traveller.gender = genderField(seg.value(1, 4), findings, 'gender', seg.position).gender;
  const embark = seg.value(3, 0);
  const debark = seg.value(3, 1);
  if (embark) traveller.embarkation = port(embark);
  if (debark) traveller.debarkation = port(debark);
  return { traveller, segment: seg.position };
}
