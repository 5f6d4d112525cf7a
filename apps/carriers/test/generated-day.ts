import { envelope, Finding, Header, ManifestParsed, TravellerParsed } from '@paxscreen/contracts';
import type { OutgoingRecord } from '@paxscreen/kafka';

/**
 * A generated day of one border: 50 scheduled flights of five carriers, their API and PNR messages
 * with the times they were received, and the faults the carriers' side must find: three flights
 * with no API at all, two whose T-24 h PNR push comes four hours late, one carrier (ZC) with a
 * tenth of its travel documents failing their MRZ check digits, one re-sent (duplicate) crew list.
 */
export const DAY = '2026-12-09';
export const CARRIERS = ['ZA', 'ZB', 'ZC', 'ZD', 'ZE'] as const;
export const FLIGHTS_PER_CARRIER = 10;
export const NO_API = ['ZA0103', 'ZB0105', 'ZD0107'];
export const LATE_PNR = ['ZB0102', 'ZE0104'];
export const BAD_DOCUMENTS_CARRIER = 'ZC';
export const DUPLICATE_CREW = 'ZA0101';
export const PASSENGERS = 20;
export const CREW = 10;
const H = 3_600_000;
const M = 60_000;

export interface DayFlight {
  carrier: string;
  number: string;
  id: string;
  origin: string;
  destination: string;
  departureAt: number;
}

/** Flight i of carrier c departs at 05:00 UTC + (10·c + i)·15 min, local time UTC+1 at the origin. */
export function dayFlights(): DayFlight[] {
  return CARRIERS.flatMap((carrier, c) =>
    Array.from({ length: FLIGHTS_PER_CARRIER }, (_, i) => {
      const number = String(100 + i).padStart(4, '0');
      return {
        carrier,
        number,
        id: `${carrier}${number}`,
        origin: ['HEL', 'ARN', 'CPH', 'OSL', 'RIX'][c],
        destination: 'FRA',
        departureAt: Date.parse(`${DAY}T05:00:00Z`) + (c * FLIGHTS_PER_CARRIER + i) * 15 * M,
      };
    }),
  );
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16).replace(':', '');

/** The day's schedule as SSIM chapter 7, local times (+0100), plus one unreadable leg (line 53). */
export function daySsim(flights: DayFlight[]): { text: string; badLine: number } {
  const header = '1AIRLINE STANDARD SCHEDULE DATA SET'.padEnd(200);
  const carrier = '2LZA '.padEnd(200);
  const weekday = ((new Date(`${DAY}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const days = ' '.repeat(weekday - 1) + String(weekday) + ' '.repeat(7 - weekday);
  const date = new Date(`${DAY}T00:00:00Z`).toUTCString().split(' ');
  const ssimDay = `${date[1]}${date[2].toUpperCase()}${date[3].slice(2)}`;
  const leg = (f: DayFlight, serial: number) => {
    const line = Array<string>(200).fill(' ');
    const put = (col: number, v: string) => [...v].forEach((ch, i) => (line[col - 1 + i] = ch));
    put(1, '3');
    put(3, f.carrier.padEnd(3));
    put(6, String(Number(f.number)).padStart(4));
    put(10, '0101J');
    put(15, ssimDay);
    put(22, ssimDay);
    put(29, days);
    put(37, f.origin);
    put(40, hhmm(f.departureAt + H));
    put(44, hhmm(f.departureAt + H));
    put(48, '+0100');
    put(55, f.destination);
    put(58, hhmm(f.departureAt + 3 * H));
    put(62, hhmm(f.departureAt + 3 * H));
    put(66, '+0100');
    put(73, '320');
    put(195, String(serial).padStart(6, '0'));
    return line.join('');
  };
  const legs = flights.map((f, i) => leg(f, i + 3));
  const bad = leg(flights[0], legs.length + 3).split('');
  bad.splice(39, 4, ...'2599'); // departure time 25:99
  const lines = [header, carrier, ...legs, bad.join(''), '5'.padEnd(200)];
  return { text: lines.join('\n') + '\n', badLine: legs.length + 3 };
}

export interface DayMessage {
  flight: DayFlight;
  kind: 'PASSENGERS' | 'CREW' | 'PNR';
  receivedAt: number;
  travellers: number;
  badDocuments: number;
  /** Travellers replaced in this version (a no-show and a go-show), so versions differ. */
  variant: number;
  version: number;
}

/** Every message of the day, on time, except the late T-24 pushes (returned apart). */
export function dayMessages(flights: DayFlight[]): { onTime: DayMessage[]; late: DayMessage[] } {
  const onTime: DayMessage[] = [];
  const late: DayMessage[] = [];
  for (const f of flights) {
    const bad = f.carrier === BAD_DOCUMENTS_CARRIER;
    const pnr = (offsetH: number, version: number, receivedAt = f.departureAt - offsetH * H): DayMessage => ({
      flight: f,
      kind: 'PNR',
      receivedAt,
      travellers: PASSENGERS,
      badDocuments: 0,
      variant: version,
      version,
    });
    onTime.push(pnr(72, 1));
    if (LATE_PNR.includes(f.id)) late.push(pnr(24, 2, f.departureAt - 20 * H));
    else onTime.push(pnr(24, 2));
    onTime.push(pnr(2, 3));
    onTime.push(pnr(0, 4, f.departureAt + 5 * M));
    if (NO_API.includes(f.id)) continue;
    onTime.push({
      flight: f,
      kind: 'PASSENGERS',
      receivedAt: f.departureAt - 90 * M,
      travellers: PASSENGERS,
      badDocuments: bad ? 2 : 0,
      variant: 1,
      version: 1,
    });
    onTime.push({
      flight: f,
      kind: 'CREW',
      receivedAt: f.departureAt - 90 * M,
      travellers: CREW,
      badDocuments: bad ? 1 : 0,
      variant: 1,
      version: 1,
    });
    if (f.id === DUPLICATE_CREW)
      onTime.push({
        flight: f,
        kind: 'CREW',
        receivedAt: f.departureAt - 80 * M,
        travellers: CREW,
        badDocuments: 0,
        variant: 1,
        version: 2,
      });
    onTime.push({
      flight: f,
      kind: 'PASSENGERS',
      receivedAt: f.departureAt - 10 * M,
      travellers: PASSENGERS,
      badDocuments: bad ? 2 : 0,
      variant: 2,
      version: 2,
    });
  }
  return { onTime, late };
}

/** A message as the parser publishes its summary on the manifests topic. */
export function manifestRecord(m: DayMessage): OutgoingRecord {
  const { flight: f } = m;
  const manifestId = `${f.carrier}${f.number}:${DAY}:IN:${m.kind}`;
  const receiptId = `${f.id}-${m.kind}-${m.version}`;
  const findings: Finding[] = Array.from({ length: m.badDocuments }, (_, i) => ({
    code: 'MRZ_CHECK_DIGIT',
    severity: 'error',
    message: 'MRZ document number check digit does not match',
    field: `travellers[${i}].documents[0].mrz`,
    traveller: i,
  }));
  const value: ManifestParsed.Value = {
    ...envelope(receiptId),
    manifestId,
    manifestVersion: m.version,
    messageType: m.kind === 'PNR' ? 'PNRGOV' : 'PAXLST',
    carrier: f.carrier,
    flightNumber: f.number,
    flightKey: TravellerParsed.flightKey(f.carrier, f.number, DAY),
    travellerIds: Array.from(
      { length: m.travellers },
      (_, i) => `${f.id}-${m.kind}-${i < m.variant - 1 ? `v${m.variant}-` : ''}${i}`,
    ),
    report: {
      messageType: m.kind === 'PNR' ? 'PNRGOV' : 'PAXLST',
      version: 'D:05B',
      travellers: m.travellers,
      errors: m.badDocuments,
      warnings: 0,
      findings,
    },
    flight: {
      carrier: f.carrier,
      number: f.number,
      departure: { port: f.origin, at: new Date(f.departureAt + H).toISOString().slice(0, 16) },
      arrival: { port: f.destination },
    },
    receivedAt: m.receivedAt,
  };
  return { key: manifestId, value, headers: { [Header.ReceiptId]: receiptId, [Header.Carrier]: f.carrier } };
}
