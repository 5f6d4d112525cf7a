import { designator, normaliseDesignator } from './designator';

describe('flight designators', () => {
  it.each([
    ['BA', '0117', 'BA117'],
    ['ba', '117', 'BA117'],
    ['BAW', '0007A', 'BAW7A'],
    ['9W', '0', '9W0'],
  ])('%s + %s → %s', (carrier, number, expected) => {
    expect(designator(carrier, number)).toBe(expected);
  });

  it.each([
    ['ba0117', 'BA117'],
    [' BAW007 ', 'BAW7'],
    ['9W0450', '9W450'],
    ['not a flight', 'NOT A FLIGHT'],
  ])('rule value %j → %s', (value, expected) => {
    expect(normaliseDesignator(value)).toBe(expected);
  });
});
