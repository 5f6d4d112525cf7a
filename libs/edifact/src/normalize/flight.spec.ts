import { canonicalFlightNumber, canonicalSeat, splitFlight } from './flight';

describe('flight designators', () => {
  it.each([
    ['UA0989', undefined, { carrier: 'UA', number: '0989' }],
    ['LA532', undefined, { carrier: 'LA', number: '0532' }],
    ['AA123', 'AA', { carrier: 'AA', number: '0123' }],
    ['DLH400', undefined, { carrier: 'DLH', number: '0400' }],
    ['U21234', undefined, { carrier: 'U2', number: '1234' }],
    ['9W0123A', undefined, { carrier: '9W', number: '0123A' }],
    ['KL 643', undefined, { carrier: 'KL', number: '0643' }],
    ['498', 'AM', { carrier: 'AM', number: '0498' }],
    ['1234', undefined, undefined],
    ['UA12345', undefined, undefined],
    ['', undefined, undefined],
  ])('splitFlight(%s, %s) → %o', (raw, hint, expected) => {
    expect(splitFlight(raw, hint)).toEqual(expected);
  });

  it.each([
    ['7', '0007'],
    ['0988', '0988'],
    ['123a', '0123A'],
    ['12345', undefined],
  ])('canonicalFlightNumber(%s) → %s', (raw, expected) => {
    expect(canonicalFlightNumber(raw)).toBe(expected);
  });

  it.each([
    ['074E', '74E'],
    ['15A', '15A'],
    ['011D', '11D'],
    ['XXX', undefined],
    ['', undefined],
  ])('canonicalSeat(%s) → %s', (raw, expected) => {
    expect(canonicalSeat(raw)).toBe(expected);
  });
});
