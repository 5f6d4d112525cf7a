import { leg, traveller } from '../traveller.fixture';
import { journeyOf, transitPorts } from './journey';

const route = (legs: ReturnType<typeof leg>[]) =>
  legs.map((l) => `${l.departure.port}-${l.arrival.port}`).join(' ');

describe('journeyOf', () => {
  const out1 = leg('LHR', 'DXB', '2025-06-01T21:00', '2025-06-02T07:00', 'XA1');
  const out2 = leg('DXB', 'SYD', '2025-06-02T10:00', '2025-06-03T06:00', 'XA2');
  const back1 = leg('SYD', 'DXB', '2025-06-20T09:00', '2025-06-20T18:00', 'XA3');
  const back2 = leg('DXB', 'LHR', '2025-06-20T22:00', '2025-06-21T03:00', 'XA4');
  const untimed = (l: ReturnType<typeof leg>) => ({
    ...l,
    departure: { port: l.departure.port },
    arrival: { port: l.arrival.port },
  });

  it.each([
    ['a connection of 3 h stays in the journey', [out1, out2], out2, 'LHR-DXB DXB-SYD'],
    [
      'a stopover of 17 days splits a round trip; outbound reported',
      [out1, out2, back1, back2],
      out2,
      'LHR-DXB DXB-SYD',
    ],
    [
      'a stopover of 17 days splits a round trip; return reported',
      [out1, out2, back1, back2],
      back1,
      'SYD-DXB DXB-LHR',
    ],
    [
      'the reported flight found despite leading zeros',
      [out1, out2, back1, back2],
      { ...back1, number: '0003' },
      'SYD-DXB DXB-LHR',
    ],
    ['legs without times are taken as connected', [untimed(out1), untimed(out2)], out2, 'LHR-DXB DXB-SYD'],
    ['the reported flight alone when no itinerary is sent', [], out2, 'DXB-SYD'],
  ])('%s', (_case, itinerary, flight, expected) => {
    expect(route([...journeyOf(traveller({ itinerary, flight }))])).toBe(expected);
  });
});

describe('transitPorts', () => {
  it.each([
    ['direct', [leg('CDG', 'JFK')], []],
    ['one connection', [leg('LHR', 'DXB'), leg('DXB', 'SYD')], ['DXB']],
    ['two connections', [leg('LIM', 'BOG'), leg('BOG', 'MAD'), leg('MAD', 'FRA')], ['BOG', 'MAD']],
  ])('%s', (_case, journey, expected) => {
    expect(transitPorts(journey)).toEqual(expected);
  });
});
