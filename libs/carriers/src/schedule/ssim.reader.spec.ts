import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readSchedule } from './read-schedule';
import { ssimFile, ssimLegRecord, SsimLeg } from './ssim.fixture';
import { readSsim } from './ssim.reader';

const leg = (over: Partial<SsimLeg> = {}): SsimLeg => ({
  carrier: 'ZZ',
  number: '12',
  from: '07DEC26',
  to: '13DEC26',
  days: '1 3 5  ',
  origin: 'HEL',
  std: '0930',
  depVariation: '+0200',
  destination: 'LHR',
  sta: '1045',
  arrVariation: '+0000',
  ...over,
});

describe('readSsim (IATA SSIM chapter 7, flight leg records)', () => {
  it('expands the period by days of operation (1 = Monday) and converts local times with the UTC variation', () => {
    // 7 Dec 2026 is a Monday: Monday, Wednesday and Friday of that week.
    const read = readSsim(ssimFile([leg()]));
    expect(read.issues).toEqual([]);
    expect(read.rows).toBe(1);
    expect(read.flights.map((f) => [f.departureDate, f.departureAt, f.arrivalAt])).toEqual([
      ['2026-12-07', '2026-12-07T07:30:00.000Z', '2026-12-07T10:45:00.000Z'],
      ['2026-12-09', '2026-12-09T07:30:00.000Z', '2026-12-09T10:45:00.000Z'],
      ['2026-12-11', '2026-12-11T07:30:00.000Z', '2026-12-11T10:45:00.000Z'],
    ]);
    expect(read.flights[0]).toMatchObject({
      carrier: 'ZZ',
      flightNumber: '0012',
      origin: 'HEL',
      destination: 'LHR',
      line: 3,
    });
  });

  it.each([
    [
      'a departure just after local midnight east of Greenwich is the previous UTC day',
      { std: '0030', depVariation: '+0900' },
      '2026-12-06T15:30:00.000Z',
    ],
    [
      'a negative variation moves UTC later',
      { std: '2330', depVariation: '-0500' },
      '2026-12-08T04:30:00.000Z',
    ],
  ])('%s', (_what, over, departureAt) => {
    const read = readSsim(ssimFile([leg({ ...over, days: '1      ', sta: '2359' })]));
    expect(read.flights[0].departureDate).toBe('2026-12-07');
    expect(read.flights[0].departureAt).toBe(departureAt);
  });

  it('takes the arrival date variation when the record gives it, else the first arrival after departure', () => {
    const overnight = readSsim(
      ssimFile([leg({ std: '2200', sta: '0600', days: '1      ', arrVariation: '+0200' })]),
    );
    expect(overnight.flights[0].arrivalAt).toBe('2026-12-08T04:00:00.000Z');
    const stated = readSsim(
      ssimFile([
        leg({ std: '2200', sta: '0600', days: '1      ', arrVariation: '+0200', arrivalDateVariation: '2' }),
      ]),
    );
    expect(stated.flights[0].arrivalAt).toBe('2026-12-09T04:00:00.000Z');
  });

  it('reads UTC times (time mode U) as UTC and finds the local departure date with the variation', () => {
    const read = readSsim(ssimFile([leg({ std: '2330', depVariation: '+0200', days: '1      ' })], 'U'));
    expect(read.flights[0]).toMatchObject({
      departureAt: '2026-12-07T23:30:00.000Z',
      departureDate: '2026-12-08',
    });
  });

  it('ends an open period (00XXX00) after the configured days and keeps to the requested window', () => {
    const read = readSsim(ssimFile([leg({ to: '00XXX00', days: '1234567' })]), {
      openPeriodDays: 9,
      from: '2026-12-10',
      to: '2026-12-12',
    });
    expect(read.flights.map((f) => f.departureDate)).toEqual(['2026-12-10', '2026-12-11', '2026-12-12']);
  });

  it.each([
    ['INVALID_DATE', { from: '31FEB26' }],
    ['INVALID_PERIOD', { from: '13DEC26', to: '07DEC26' }],
    ['INVALID_DAYS', { days: '       ' }],
    ['INVALID_DAYS', { days: '1 8    ' }],
    ['INVALID_TIME', { std: '2560' }],
    ['INVALID_UTC_VARIATION', { depVariation: '+2000' }],
    ['INVALID_PORT', { origin: 'H1L' }],
    ['INVALID_FLIGHT_NUMBER', { number: 'AB' }],
  ])('reports %s with its line and skips the row', (code, over) => {
    const read = readSsim(ssimFile([leg(), leg(over as Partial<SsimLeg>)]));
    expect(read.issues).toEqual([expect.objectContaining({ line: 4, severity: 'error', code })]);
    expect(read.flights.every((f) => f.line === 3)).toBe(true);
    expect(read.rows).toBe(2);
  });

  it('reports a truncated record', () => {
    const text = ssimFile([leg()]) + ssimLegRecord(leg()).slice(0, 60) + '\n';
    expect(readSsim(text).issues).toEqual([expect.objectContaining({ line: 5, code: 'ROW_TOO_SHORT' })]);
  });

  it('refuses a schedule that expands beyond the limit', () => {
    expect(() => readSsim(ssimFile([leg({ days: '1234567' })]), { maxFlights: 3 })).toThrow(
      /more than 3 flights/,
    );
  });

  it('is recognised by readSchedule, which flags (and keeps) flights of unknown carriers', () => {
    const read = readSchedule(Buffer.from(ssimFile([leg(), leg({ carrier: 'QQ', number: '7' })])), {
      knownCarriers: new Set(['ZZ']),
    });
    expect(read.format).toBe('SSIM');
    expect(read.flights.filter((f) => f.carrier === 'QQ')).toHaveLength(3);
    expect(read.issues).toEqual([
      expect.objectContaining({ line: 4, severity: 'warning', code: 'UNKNOWN_CARRIER' }),
    ]);
  });
});

describe('the bundled sample schedules (data/samples/schedules)', () => {
  const sample = (name: string) => readFileSync(join(__dirname, '../../../../data/samples/schedules', name));

  it('reads the SSIM sample: 14 + 6 days of the first two legs, weekend nights of the open third one', () => {
    const read = readSchedule(sample('zz-winter.ssim'), { to: '2026-12-20', knownCarriers: new Set(['ZZ']) });
    expect(read.issues).toEqual([]);
    expect(read.flights.filter((f) => f.flightNumber === '0100')).toHaveLength(14);
    expect(read.flights.filter((f) => f.flightNumber === '0102')).toHaveLength(6);
    const overnight = read.flights.filter((f) => f.flightNumber === '0007');
    expect(overnight.map((f) => f.departureDate)).toEqual([
      '2026-12-12',
      '2026-12-13',
      '2026-12-19',
      '2026-12-20',
    ]);
    expect(overnight[0]).toMatchObject({
      departureAt: '2026-12-13T03:30:00.000Z',
      arrivalAt: '2026-12-13T12:45:00.000Z',
    });
  });

  it('reads the CSV sample: the unknown carrier flagged, the bad row reported by its line', () => {
    const read = readSchedule(sample('zz-schedule.csv'), { knownCarriers: new Set(['ZZ']) });
    expect(read.flights).toHaveLength(3);
    expect(read.issues.map((i) => [i.line, i.code])).toEqual([
      [4, 'UNKNOWN_CARRIER'],
      [5, 'INVALID_TIME'],
    ]);
  });
});
