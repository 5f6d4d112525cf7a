/** Where an expected flight comes from. Values are stored: add, never rename. */
export const FLIGHT_SOURCES = ['SSIM', 'CSV', 'PNR', 'API'] as const;
export type FlightSource = (typeof FLIGHT_SOURCES)[number];

/**
 * One expected operation of a flight leg on one day. `departureDate` is the local departure date
 * (what carriers put in their messages and what flight keys hold); `departureAt` the UTC instant
 * timeliness is judged by.
 */
export interface ScheduledFlight {
  carrier: string;
  /** Canonical: four digits and an optional suffix letter (`0123`, `0123A`). */
  flightNumber: string;
  departureDate: string;
  origin: string;
  destination: string;
  /** ISO 8601, UTC. */
  departureAt: string;
  arrivalAt?: string;
  /** 1-based line of the schedule row it was read from. */
  line: number;
}

/** Why a schedule row was skipped (error) or kept with a flag (warning). No personal data. */
export interface ScheduleIssue {
  line: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

export interface ScheduleRead {
  format: 'SSIM' | 'CSV';
  flights: ScheduledFlight[];
  issues: ScheduleIssue[];
  /** Rows read (flight legs for SSIM, data rows for CSV), skipped or not. */
  rows: number;
}

/** A row that cannot be read: reported with its line and skipped. */
export class ScheduleRowError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleRowError';
  }
}

/** The whole file cannot be read (no recognisable format, too many flights). */
export class ScheduleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleError';
  }
}
