import { reorder, seededRandom, typo } from './perturb';

describe('perturbations', () => {
  it('are deterministic for a seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect(typo('ABDULHAI SALEK', a)).toBe(typo('ABDULHAI SALEK', b));
  });

  it.each([['ABDULHAI SALEK'], ['THARWAT SALAH SHIHATA'], ['AREFULLAH AREF GHAZI MOHAMMAD']])(
    'a typo changes exactly one part of %s by one edit',
    (name) => {
      const r = seededRandom(42);
      for (let i = 0; i < 20; i++) {
        const t = typo(name, r);
        const before = name.split(' ');
        const after = t.split(' ');
        expect(after).toHaveLength(before.length);
        expect(after.filter((p, k) => p !== before[k]).length).toBeLessThanOrEqual(1);
      }
    },
  );

  it('reorders keep the same parts', () => {
    const r = seededRandom(1);
    const name = 'THARWAT SALAH SHIHATA';
    const out = reorder(name, r);
    expect(out).not.toBe(name);
    expect(out.split(' ').sort()).toEqual(name.split(' ').sort());
  });
});
