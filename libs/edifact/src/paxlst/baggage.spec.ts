import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readMessage } from '../read-message';

const NOW = new Date('2025-06-01T00:00:00Z');
const D12B = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'edifact', 'ok', 'paxlst-d12b.edi');

/** ok/paxlst-d12b.edi with the first traveller's bag segments replaced. */
function withBags(segments: string[]): Buffer {
  const text = readFileSync(D12B, 'latin1').replace(
    "FTX+BAG+++ZZ123456:2'\n",
    segments.map((s) => `${s}'\n`).join(''),
  );
  return Buffer.from(text, 'latin1');
}

const first = (bytes: Buffer) => readMessage(bytes, { now: NOW }).messages[0].travellers[0];

describe('PAXLST checked baggage as sent', () => {
  it('keeps the bag tag with its run of consecutive tags (FTX+BAG)', () => {
    const t = first(readFileSync(D12B));
    expect(t.bagCount).toBe(2);
    expect(t.baggage).toEqual({ tags: [{ first: 'ZZ123456', count: 2 }] });
  });

  it('keeps total weight and unit (MEA+WT), the count (MEA+CT) and several tag runs', () => {
    const t = first(
      withBags(['FTX+BAG+++ZZ123456:2', 'FTX+BAG+++ZZ777000', 'MEA+WT++KGM:31.5', 'MEA+CT++:3']),
    );
    expect(t.bagCount).toBe(3);
    expect(t.baggage).toEqual({
      weight: 31.5,
      weightUnit: 'KGM',
      tags: [
        { first: 'ZZ123456', count: 2 },
        { first: 'ZZ777000', count: 1 },
      ],
    });
  });

  it('a weight that is not a number is not kept; a traveller without bag segments has no baggage', () => {
    expect(first(withBags(['MEA+WT++LBR:HEAVY'])).baggage).toBeUndefined();
    const [, second] = readMessage(readFileSync(D12B), { now: NOW }).messages[0].travellers;
    expect(second.baggage).toBeUndefined();
  });
});

describe('PNRGOV checked baggage as sent (TBD)', () => {
  it('keeps every bag tag of a traveller, a bag checked through on several legs once', () => {
    const path = join(
      __dirname,
      '..',
      '..',
      '..',
      '..',
      'test',
      'fixtures',
      'edifact',
      'gtas',
      'bigMessagePnr.txt',
    );
    const travellers = readMessage(readFileSync(path), { now: NOW }).messages.flatMap((m) => m.travellers);
    const tagged = travellers.filter((t) => t.baggage?.tags);
    expect(tagged.length).toBeGreaterThan(0);
    for (const t of tagged) {
      const firsts = t.baggage!.tags!.map((r) => r.first);
      expect(new Set(firsts).size).toBe(firsts.length);
      expect(firsts.every((f) => /^ET\d{4}$/.test(f))).toBe(true);
    }
    // `TBD++04:26:701+++ET:0455…+ET:0456…+ET:0457…+ET:0458…`: four tags on one traveller.
    expect(
      tagged.some((t) =>
        ['ET0455', 'ET0456', 'ET0457', 'ET0458'].every((f) => t.baggage!.tags!.some((r) => r.first === f)),
      ),
    ).toBe(true);
  });

  it('keeps the pooled-bags head (TBD …++HP) and the members pooled with a head (TBD+++MP), never the ticket', () => {
    const path = join(
      __dirname,
      '..',
      '..',
      '..',
      '..',
      'test',
      'fixtures',
      'edifact',
      'gtas',
      'bigMessagePnr.txt',
    );
    const text = readFileSync(path, 'latin1')
      .replace('TBD++02:44:701+++ET:0447::FRA:006', 'TBD++02:44:701++HP+ET:0447::FRA:006')
      .replace('TBD++01:29:701+++ET:0450::FRA:006', 'TBD+++MP:0712345678901');
    const travellers = readMessage(Buffer.from(text, 'latin1'), { now: NOW }).messages.flatMap(
      (m) => m.travellers,
    );
    const head = travellers.find((t) => t.baggage?.pool === 'HEAD');
    expect(head?.baggage?.tags?.map((r) => r.first)).toContain('ET0447');
    const member = travellers.find((t) => t.baggage?.pool === 'MEMBER');
    expect(member).toBeDefined();
    expect(JSON.stringify(member)).not.toContain('0712345678901');
  });
});
