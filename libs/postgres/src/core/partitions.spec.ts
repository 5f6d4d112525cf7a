import { monthStart, partitionName } from './partitions';

describe('monthly partitions', () => {
  it.each([
    ['2026-12-06', 0, '2026-12-01'],
    ['2026-12-06', 1, '2027-01-01'],
    ['2026-01-31', -1, '2025-12-01'],
  ])('month of %s %+d starts %s', (day, offset, expected) => {
    expect(monthStart(new Date(`${day}T12:00:00Z`), offset)).toBe(expected);
  });

  it('names a partition after its month', () => {
    expect(partitionName('decisions', '2027-01-01')).toBe('decisions_p202701');
  });
});
