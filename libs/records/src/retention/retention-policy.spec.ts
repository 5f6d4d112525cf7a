import { cutoffDay, DEFAULT_RETENTION, partitionBounds, partitionsPast } from './retention-policy';

describe('retention periods', () => {
  const now = new Date('2026-12-06T15:30:00Z');

  it('keeps the day `days` before today and everything after', () => {
    expect(cutoffDay(now, 0)).toBe('2026-12-06');
    expect(cutoffDay(now, 2)).toBe('2026-12-04');
    expect(cutoffDay(now, 1826)).toBe('2021-12-06');
    // Any time of day gives the same cutoff: a run at 00:01 and one at 23:59 agree.
    expect(cutoffDay(new Date('2026-12-06T00:00:01Z'), 2)).toBe(
      cutoffDay(new Date('2026-12-06T23:59:59Z'), 2),
    );
  });

  it('rounds a fraction of a day up (never deletes early) and refuses a negative period', () => {
    expect(cutoffDay(now, 0.5)).toBe('2026-12-05');
    expect(() => cutoffDay(now, -1)).toThrow();
    expect(() => cutoffDay(now, Number.NaN)).toThrow();
  });

  it('crosses month and year boundaries', () => {
    expect(cutoffDay(new Date('2027-01-01T10:00:00Z'), 2)).toBe('2026-12-30');
    expect(cutoffDay(new Date('2024-03-01T10:00:00Z'), 1)).toBe('2024-02-29');
  });

  it('reads monthly partition bounds from their names only', () => {
    expect(partitionBounds('decisions', 'decisions_p202612')).toEqual({
      from: '2026-12-01',
      to: '2027-01-01',
    });
    expect(partitionBounds('decisions', 'decisions_default')).toBeUndefined();
    expect(partitionBounds('decisions', 'travellers_p202612')).toBeUndefined();
    expect(partitionBounds('decisions', 'decisions_p202613')).toBeUndefined();
  });

  it('drops only the months wholly before the cutoff', () => {
    const names = [
      'travellers_default',
      'travellers_p202609',
      'travellers_p202610',
      'travellers_p202611',
      'travellers_p202612',
    ];
    // Cutoff 2026-12-04: November ends on 12-01 ≤ cutoff (past); December still holds kept days.
    expect(partitionsPast('travellers', names, '2026-12-04')).toEqual([
      'travellers_p202609',
      'travellers_p202610',
      'travellers_p202611',
    ]);
    // A cutoff on the first of a month: the month before is past, that month is not.
    expect(partitionsPast('travellers', names, '2026-11-01')).toEqual([
      'travellers_p202609',
      'travellers_p202610',
    ]);
    expect(partitionsPast('travellers', names, '2026-10-31')).toEqual(['travellers_p202609']);
  });

  it('defaults follow the rules they cite', () => {
    expect(DEFAULT_RETENTION.apiDays).toBeLessThanOrEqual(2);
    expect(DEFAULT_RETENTION.pnrDays).toBe(1826);
    expect(DEFAULT_RETENTION.auditDays).toBe(1826);
  });
});
