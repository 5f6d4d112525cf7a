import { readScheduleCsv } from './csv.reader';
import { readSchedule } from './read-schedule';

const HEADER = 'carrier,flight_number,departure_date,origin,destination,departure_utc,arrival_utc';

describe('readScheduleCsv', () => {
  it('reads one flight per row, columns in any order, canonical flight numbers', () => {
    const read = readScheduleCsv(
      'Origin,Carrier,Flight_Number,Departure_Date,Destination,Departure_UTC\r\nHEL,zz,12,2026-12-07,LHR,2026-12-07T07:30:00Z\r\n',
    );
    expect(read.issues).toEqual([]);
    expect(read.flights).toEqual([
      {
        carrier: 'ZZ',
        flightNumber: '0012',
        departureDate: '2026-12-07',
        origin: 'HEL',
        destination: 'LHR',
        departureAt: '2026-12-07T07:30:00.000Z',
        line: 2,
      },
    ]);
  });

  it.each([
    ['INVALID_DATE', 'ZZ,12,2026-02-30,HEL,LHR,2026-12-07T07:30:00Z,'],
    ['INVALID_TIME', 'ZZ,12,2026-12-07,HEL,LHR,07:30,'],
    ['INVALID_TIME', 'ZZ,12,2026-12-07,HEL,LHR,2026-12-07T07:30:00+02:00,'],
    ['INVALID_TIME', 'ZZ,12,2026-12-07,HEL,LHR,2026-12-07T07:30:00Z,2026-12-07T06:00:00Z'],
    ['INVALID_CARRIER', 'Z-,12,2026-12-07,HEL,LHR,2026-12-07T07:30:00Z,'],
    ['INVALID_FLIGHT_NUMBER', 'ZZ,12345,2026-12-07,HEL,LHR,2026-12-07T07:30:00Z,'],
    ['INVALID_PORT', 'ZZ,12,2026-12-07,HELS,LHR,2026-12-07T07:30:00Z,'],
    ['MISSING_FIELDS', 'ZZ,12,2026-12-07'],
  ])('reports an unreadable row (%s) with its line and skips it', (code, row) => {
    const read = readScheduleCsv(
      `${HEADER}\nZZ,1,2026-12-07,HEL,LHR,2026-12-07T07:30:00Z,\n${row}\nZZ,2,2026-12-07,HEL,LHR,2026-12-07T09:30:00Z,\n`,
    );
    expect(read.issues).toEqual([expect.objectContaining({ line: 3, severity: 'error', code })]);
    expect(read.flights.map((f) => f.line)).toEqual([2, 4]);
    expect(read.rows).toBe(3);
  });

  it('refuses a file whose header lacks a column', () => {
    expect(() => readSchedule(Buffer.from('carrier,flight_number\nZZ,1\n'))).toThrow(/neither an SSIM/);
    expect(() => readScheduleCsv('carrier,flight_number,departure_date\nZZ,1,2026-12-07\n')).toThrow(
      /lacks the columns: origin/,
    );
  });

  it('keeps flights of unknown carriers, flagged once per row', () => {
    const read = readSchedule(Buffer.from(`${HEADER}\nQQ,1,2026-12-07,HEL,LHR,2026-12-07T07:30:00Z,\n`), {
      knownCarriers: new Set(['ZZ']),
    });
    expect(read.flights).toHaveLength(1);
    expect(read.issues).toEqual([
      expect.objectContaining({ line: 2, code: 'UNKNOWN_CARRIER', severity: 'warning' }),
    ]);
  });
});
