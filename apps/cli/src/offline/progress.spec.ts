import { Progress } from './progress';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, write: (text: string) => writes.push(text) };
}

describe('Progress', () => {
  it('redraws one line on a terminal, at most every 100 ms, and erases it', () => {
    let now = 0;
    const s = stream(true);
    const p = new Progress(s, true, () => now);
    p.start();
    for (const [at, done] of [
      [50, 1],
      [120, 2],
      [150, 3],
      [260, 4],
    ]) {
      now = at;
      p.update(done, 10);
    }
    p.clear();
    expect(s.writes).toEqual([
      '\r\x1b[Kscreening: 2/10 travellers (20%)',
      '\r\x1b[Kscreening: 4/10 travellers (40%)',
      '\r\x1b[K',
    ]);
  });

  it('writes plain lines to a log only for long runs, every 5 s', () => {
    let now = 0;
    const s = stream(false);
    const p = new Progress(s, true, () => now);
    p.note('loading lists…');
    p.start();
    for (const at of [1000, 4999, 5000, 9000, 10001]) {
      now = at;
      p.update(at / 1000, 20);
    }
    p.clear();
    expect(s.writes).toEqual([
      'paxscreen: screening: 5/20 travellers (25%)\n',
      'paxscreen: screening: 10.001/20 travellers (50%)\n',
    ]);
  });

  it('stays silent when disabled', () => {
    let now = 0;
    const s = stream(true);
    const p = new Progress(s, false, () => now);
    p.note('x');
    now = 1000;
    p.update(1, 1);
    p.clear();
    expect(s.writes).toEqual([]);
  });
});
