import { dayNumber, hhmm, isoDate, isoWeekday, ssimDate, utcInstant, utcVariation } from './dates';
import { canonicalFlightNumber, carrierCode, portCode } from './flight-number';
import {
  ScheduledFlight,
  ScheduleError,
  ScheduleIssue,
  ScheduleRead,
  ScheduleRowError,
} from './scheduled-flight';

/**
 * IATA SSIM chapter 7 (Standard Schedules Information, fixed 200-column records). Only what an
 * expected flight needs is read; columns are 1-based as in the manual, sliced 0-based here:
 *
 * record 2 (carrier):   1 record type `2`, 2 time mode (`U` UTC / `L` local), 3-5 airline
 * record 3 (flight leg): 1 record type `3`, 3-5 airline designator, 6-9 flight number,
 *   10-11 itinerary variation, 12-13 leg sequence, 14 service type, 15-21 period from (DDMMMYY),
 *   22-28 period to (`00XXX00` = open), 29-35 days of operation (1 = Monday … 7 = Sunday, blank
 *   = not operated), 37-39 departure station, 40-43 passenger STD, 44-47 aircraft STD,
 *   48-52 departure UTC/local time variation (±HHMM), 55-57 arrival station, 58-61 aircraft STA,
 *   62-65 passenger STA, 66-70 arrival UTC/local time variation, 193 departure and 194 arrival
 *   date variation (0, 1, 2; A = previous day).
 * Records 1 (header), 4 (segment data), 5 (trailer) and 0 (zero filler) carry nothing needed.
 */
const MIN_LEG_LENGTH = 70;
const DATE_VARIATION: Readonly<Record<string, number>> = { '0': 0, '1': 1, '2': 2, A: -1 };

export interface SsimOptions {
  /** Only operations departing (local date) within [from, to] are expanded. */
  from?: string;
  to?: string;
  /** An open-ended period (`00XXX00`) ends this many days after its start. */
  openPeriodDays?: number;
  /** The file is refused when it expands to more operations than this. */
  maxFlights?: number;
}

export const SSIM_DEFAULTS = { openPeriodDays: 190, maxFlights: 200_000 } as const;

export function looksLikeSsim(lines: string[]): boolean {
  return lines.some(
    (l) => l.startsWith('3') && l.length >= MIN_LEG_LENGTH && /^3.[A-Z0-9 ]{3}[ 0-9]{4}/.test(l),
  );
}

const col = (line: string, first: number, last: number) => line.slice(first - 1, last);

interface Leg {
  carrier: string;
  flightNumber: string;
  firstDay: number;
  lastDay: number;
  days: Set<number>;
  origin: string;
  destination: string;
  std: number;
  sta: number;
  depVariation: number;
  arrVariation: number;
  /** Days from the departure date to the arrival date, when the record says. */
  arrivalDays?: number;
}

function readLeg(line: string, openPeriodDays: number): Leg {
  if (line.length < MIN_LEG_LENGTH)
    throw new ScheduleRowError('ROW_TOO_SHORT', `a flight leg record has at least ${MIN_LEG_LENGTH} columns`);
  const from = ssimDate(col(line, 15, 21), 'period start');
  if (!from) throw new ScheduleRowError('INVALID_DATE', 'the period start cannot be open');
  const to = ssimDate(col(line, 22, 28), 'period end');
  const firstDay = dayNumber(from);
  const lastDay = to ? dayNumber(to) : firstDay + openPeriodDays;
  if (lastDay < firstDay) throw new ScheduleRowError('INVALID_PERIOD', 'the period ends before it starts');
  const days = new Set<number>();
  for (const ch of col(line, 29, 35)) {
    if (ch === ' ') continue;
    if (!/[1-7]/.test(ch))
      throw new ScheduleRowError('INVALID_DAYS', 'days of operation are digits 1-7 or blanks');
    days.add(Number(ch));
  }
  if (days.size === 0) throw new ScheduleRowError('INVALID_DAYS', 'the leg operates on no day');
  const arrivalVariationCode = col(line, 194, 194);
  return {
    carrier: carrierCode(col(line, 3, 5)),
    flightNumber: canonicalFlightNumber(col(line, 6, 9)),
    firstDay,
    lastDay,
    days,
    origin: portCode(col(line, 37, 39), 'departure station'),
    destination: portCode(col(line, 55, 57), 'arrival station'),
    std: hhmm(col(line, 40, 43), 'passenger departure time'),
    sta: hhmm(col(line, 62, 65), 'passenger arrival time'),
    depVariation: utcVariation(col(line, 48, 52), 'departure time variation'),
    arrVariation: utcVariation(col(line, 66, 70), 'arrival time variation'),
    ...(arrivalVariationCode in DATE_VARIATION ? { arrivalDays: DATE_VARIATION[arrivalVariationCode] } : {}),
  };
}

/**
 * Expands every flight leg's period and days of operation into one expected flight per day. With
 * local times (the usual time mode) the period and days are local departure dates and UTC is the
 * local time less the variation; with UTC times (time mode `U`) they are UTC dates and the local
 * departure date is found by adding the variation.
 */
export function readSsim(text: string, options: SsimOptions = {}): ScheduleRead {
  const openPeriodDays = options.openPeriodDays ?? SSIM_DEFAULTS.openPeriodDays;
  const maxFlights = options.maxFlights ?? SSIM_DEFAULTS.maxFlights;
  const fromDay = options.from ? dayNumber(options.from) : -Infinity;
  const toDay = options.to ? dayNumber(options.to) : Infinity;
  const flights: ScheduledFlight[] = [];
  const issues: ScheduleIssue[] = [];
  let utcMode = false;
  let rows = 0;
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 1;
    if (line.startsWith('2')) utcMode = col(line, 2, 2) === 'U';
    if (!line.startsWith('3')) continue;
    rows++;
    let leg: Leg;
    try {
      leg = readLeg(line, openPeriodDays);
    } catch (err) {
      if (!(err instanceof ScheduleRowError)) throw err;
      issues.push({ line: lineNo, severity: 'error', code: err.code, message: err.message });
      continue;
    }
    for (let day = leg.firstDay; day <= leg.lastDay; day++) {
      if (!leg.days.has(isoWeekday(day))) continue;
      const depVariation = utcMode ? 0 : leg.depVariation;
      const departureAt = utcInstant(day, leg.std, depVariation);
      // Local departure date: the period's day itself, or (UTC mode) the day the local clock shows.
      const localDay = utcMode ? day + Math.floor((leg.std + leg.depVariation) / 1440) : day;
      const departureDate = isoDate(localDay);
      if (dayNumber(departureDate) < fromDay || dayNumber(departureDate) > toDay) continue;
      let arrivalAt = utcInstant(day + (leg.arrivalDays ?? 0), leg.sta, utcMode ? 0 : leg.arrVariation);
      // Without a date variation, the arrival is the first such time after the departure.
      if (leg.arrivalDays === undefined)
        while (arrivalAt <= departureAt)
          arrivalAt = new Date(Date.parse(arrivalAt) + 86_400_000).toISOString();
      flights.push({
        carrier: leg.carrier,
        flightNumber: leg.flightNumber,
        departureDate,
        origin: leg.origin,
        destination: leg.destination,
        departureAt,
        arrivalAt,
        line: lineNo,
      });
      if (flights.length > maxFlights)
        throw new ScheduleError(
          'TOO_MANY_FLIGHTS',
          `the schedule expands to more than ${maxFlights} flights`,
        );
    }
  }
  return { format: 'SSIM', flights, issues, rows };
}
