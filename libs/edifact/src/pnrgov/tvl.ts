import type { Finding, FlightLeg } from '@paxscreen/contracts';

import { emptyLeg } from '../manifest/assemble';
import { dateTime, parseDdmmyy, parseTime } from '../normalize/dates';
import { canonicalFlightNumber } from '../normalize/flight';
import { finding } from '../quality/finding';
import type { Segment } from '../syntax/segment';

/**
 * PADIS TVL: `TVL+<dep date>:<dep time>:<arr date>:<arr time>+<from>+<to>+<marketing>:<operating>+<flight>:<class>`.
 * Senders also write `<dep date>:<dep time>:<arr time>` (arrival the same day). A TVL that carries only
 * a flight number (`TVL+++++303:Y`) gives the operating flight of the codeshare leg before it (the
 * PADIS reading: C306 is marketing then operating carrier, C308 the marketing flight number).
 */
const TIME_LENGTH = 4;

export function isCodeshareFollowUp(seg: Segment): boolean {
  return (
    seg.value(0) === '' &&
    seg.value(1) === '' &&
    seg.value(2) === '' &&
    seg.value(3) === '' &&
    seg.value(4) !== ''
  );
}

export function readTvl(seg: Segment, refYear: number, findings: Finding[]): FlightLeg {
  const carrier = seg.value(3, 0).trim().toUpperCase();
  const number = canonicalFlightNumber(seg.value(4, 0)) ?? '';
  if (seg.value(4, 0) !== '' && number === '') {
    findings.push(
      finding('INVALID_FLIGHT_NUMBER', 'TVL flight number is not 1–4 digits and a suffix', {
        segment: seg.position,
        field: 'TVL',
      }),
    );
  }
  const leg = emptyLeg(carrier, number);
  leg.departure.port = seg.value(1, 0).trim().toUpperCase();
  leg.arrival.port = seg.value(2, 0).trim().toUpperCase();
  const operating = seg.value(3, 1).trim().toUpperCase();
  if (operating && operating !== carrier) leg.operatingCarrier = operating;

  const [depDate = '', depTime = '', third = '', fourth = ''] = seg.element(0);
  const arrivalTimeOnly = third.length === TIME_LENGTH && fourth === '';
  const place = { segment: seg.position, field: 'TVL' };
  const dd = parseDdmmyy(depDate, 'nearest', refYear);
  const dt = parseTime(depTime);
  // An arrival time without its date is on the departure day (PADIS omits the date then).
  const ad = arrivalTimeOnly || (third === '' && fourth !== '') ? dd : parseDdmmyy(third, 'nearest', refYear);
  const at = parseTime(arrivalTimeOnly ? third : fourth);
  if (dd === null || dt === null || ad === null || at === null) {
    findings.push(finding('INVALID_DATE', 'TVL date or time is not valid', place));
  }
  const departure = dateTime(dd, dt);
  const arrival = dateTime(ad, at);
  if (departure) leg.departure.at = departure;
  if (arrival) leg.arrival.at = arrival;
  return leg;
}

/** The operating flight number of a codeshare follow-up TVL, applied to the leg before it. */
export function applyCodeshare(leg: FlightLeg, followUp: Segment): void {
  const number = canonicalFlightNumber(followUp.value(4, 0));
  if (!number) return;
  leg.operatingNumber = number;
  if (!leg.operatingCarrier) leg.operatingCarrier = leg.carrier;
}
