import { identityOf, manifestIdOf, TravellerIds, travellerIdOf } from './manifest-id';

describe('manifest and traveller ids', () => {
  type Args = Parameters<typeof manifestIdOf>;
  it.each<[Args, string]>([
    [['UA', '0989', '2017-01-27', undefined, 'PASSENGERS'], 'UA0989:2017-01-27:-:PASSENGERS'],
    [['LH', '0400', '2025-03-01', 'INBOUND', 'CREW'], 'LH0400:2025-03-01:IN:CREW'],
    [['SQ', '0602', undefined, 'OUTBOUND', 'PNR'], 'SQ0602:-:OUT:PNR'],
  ])('%j → %s', (args, expected) => {
    expect(manifestIdOf(...args)).toBe(expected);
  });

  const person = { role: 'PASSENGER', surname: 'DOE', givenNames: 'JANE', dateOfBirth: '1980-01-02' };

  it('derives the id from identity, not position, and keeps it across versions', () => {
    const v1 = new TravellerIds('M1');
    const v2 = new TravellerIds('M1');
    v2.next(identityOf({ ...person, surname: 'OTHER' }));
    expect(v2.next(identityOf(person)).id).toBe(v1.next(identityOf(person)).id);
    expect(travellerIdOf('M1', identityOf(person))).toMatch(/^[0-9a-f]{16}$/);
  });

  it('prefers the carrier reference and separates manifests', () => {
    expect(identityOf({ ...person, ref: 'ABO1' })).toBe('ref:ABO1');
    expect(travellerIdOf('M1', 'x')).not.toBe(travellerIdOf('M2', 'x'));
  });

  it('flags duplicates and still gives them distinct ids', () => {
    const ids = new TravellerIds('M1');
    const a = ids.next('same');
    const b = ids.next('same');
    expect([a.duplicate, b.duplicate]).toEqual([false, true]);
    expect(a.id).not.toBe(b.id);
  });
});
