import { LagBoard, PartitionLagReading } from './lag-board';

const T0 = 1_700_000_000_000;
const reading = (group: string, partition: number, lag: number | null): PartitionLagReading => ({
  group,
  topic: 'paxscreen.travellers.v1',
  partition,
  lag,
});

describe('LagBoard', () => {
  it.each([
    ['sums the partitions', [reading('s', 0, 3), reading('s', 1, 4)], 7],
    ['ignores partitions without a commit', [reading('s', 0, null), reading('s', 1, 4)], 4],
    ['is unknown when no partition has a commit', [reading('s', 0, null)], null],
  ])('%s', (_label, readings, total) => {
    const board = new LagBoard(300);
    board.record(readings, T0);
    expect(board.view().groups).toEqual([expect.objectContaining({ group: 's', total })]);
  });

  it('keeps one sample per second over the window, keyed by group and topic', () => {
    const board = new LagBoard(10);
    board.record([reading('a', 0, 1)], T0);
    board.record([reading('a', 0, 2)], T0 + 400);
    board.record([reading('a', 0, 5)], T0 + 5_000);
    board.record([reading('a', 0, 9)], T0 + 12_000);
    const { series } = board.view();
    expect(series.map((s) => s.totals['a paxscreen.travellers.v1'])).toEqual([5, 9]);
  });

  it('reports a failed reading until the next good one', () => {
    const board = new LagBoard(300);
    board.record([reading('a', 0, 1)], T0);
    board.recordError('Kafka unreachable');
    expect(board.view()).toMatchObject({ error: 'Kafka unreachable', readAt: T0 });
    board.record([reading('a', 0, 1)], T0 + 5000);
    expect(board.view().error).toBeUndefined();
  });
});
