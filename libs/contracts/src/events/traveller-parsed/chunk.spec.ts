import 'reflect-metadata';

import { quicklyValid } from '../../fast-validate';
import { ContractViolation } from '../../validate';
import { Chunk, CHUNK_TRAVELLERS, decodeChunk, packChunks, unpackChunk } from './chunk';
import type { Value } from './value';

const common = {
  schemaVersion: 1 as const,
  eventId: 'unused',
  occurredAt: '2026-11-25T18:15:16.836Z',
  correlationId: '0196f1c2-7d55-7c4e-9f0a-3a0f1d2c4b5a',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  manifestId: 'ZB0001:2025-03-01:IN:PASSENGERS',
  manifestVersion: 2,
  messageType: 'PAXLST' as const,
  carrier: 'ZB',
  receivedAt: 1795630516836,
};

function events(n: number, surname = 'GOLA'): Value[] {
  return Array.from({ length: n }, (_, index) => ({
    ...common,
    eventId: `ev-${index}`,
    index,
    total: n,
    traveller: {
      travellerId: `t-${index}`,
      role: 'PASSENGER',
      surname,
      givenNames: 'BRUNA',
      dateOfBirth: '1980-02-03',
      gender: 'F',
      nationality: 'URY',
      documents: [{ type: 'P', number: `XD${index}`, issuer: 'URY' }],
      flight: {
        carrier: 'ZB',
        number: '0001',
        departure: { port: 'MVD', at: '2025-03-01T10:00' },
        arrival: { port: 'BRU', at: '2025-03-02T06:00' },
      },
      itinerary: [],
      findings: [],
    },
  })) as Value[];
}

const ids = (n: number) => `chunk-${n}`;
const bytesOf = (chunk: Chunk) => Buffer.from(JSON.stringify(chunk));
/** The chunk values alone. */
const pack = (...args: Parameters<typeof packChunks>) => packChunks(...args).map((p) => p.chunk);

describe('TravellerParsed chunks', () => {
  it('packs a manifest into chunks of at most CHUNK_TRAVELLERS, in order, and unpacks them to the same events', () => {
    const all = events(CHUNK_TRAVELLERS * 2 + 1);
    const packed = packChunks(all, ids, { maxBytes: Infinity });
    const chunks = packed.map((p) => p.chunk);
    expect(chunks.map((c) => c.travellers.length)).toEqual([CHUNK_TRAVELLERS, CHUNK_TRAVELLERS, 1]);
    expect(chunks.map((c) => c.eventId)).toEqual(['chunk-0', 'chunk-1', 'chunk-2']);
    expect(chunks.flatMap(unpackChunk)).toEqual(all);
    // The bytes sent are the chunk's JSON, put together from each traveller's.
    for (const p of packed) expect(JSON.parse(p.bytes.toString())).toEqual(p.chunk);
    expect(packed.flatMap((p) => decodeChunk(p.bytes))).toEqual(all);
  });

  it('keeps a chunk within maxBytes (UTF-8 bytes); a single traveller over it stays a chunk of one', () => {
    const all = events(10, 'ÖZTÜRK-ŞAHİN');
    const one = packChunks(all.slice(0, 1), ids, { maxBytes: Infinity })[0].bytes.length;
    const maxBytes = one * 3;
    const packed = packChunks(all, ids, { maxBytes });
    for (const p of packed) expect(p.bytes.length).toBeLessThanOrEqual(maxBytes);
    expect(packed.length).toBeGreaterThanOrEqual(3);
    expect(packed.flatMap((p) => decodeChunk(p.bytes))).toEqual(all);
    expect(new Set(packed.map((p) => p.chunk.eventId)).size).toBe(packed.length);
    expect(pack(all.slice(0, 2), ids, { maxBytes: 10 }).map((c) => c.travellers.length)).toEqual([1, 1]);
  });

  it('packs nothing for a manifest without travellers', () => {
    expect(pack([], ids, { maxBytes: Infinity })).toEqual([]);
  });

  it('is checked by the compiled fast path (no class-validator executor per chunk)', () => {
    const [chunk] = pack(events(3), ids, { maxBytes: Infinity });
    expect(quicklyValid(Chunk, JSON.parse(JSON.stringify(chunk)))).toBe(true);
  });

  it.each([
    ['not JSON', () => Buffer.from('{not json')],
    ['no travellers', () => bytesOf({ ...pack(events(1), ids, { maxBytes: Infinity })[0], travellers: [] })],
    [
      'one traveller that breaks the contract',
      () => {
        const [chunk] = pack(events(3), ids, { maxBytes: Infinity });
        (chunk.travellers[1].traveller as unknown as Record<string, unknown>).surname = 7;
        return bytesOf(chunk);
      },
    ],
    [
      'more than CHUNK_TRAVELLERS travellers',
      () => {
        const all = events(CHUNK_TRAVELLERS + 1);
        return bytesOf(pack(all, ids, { maxTravellers: all.length, maxBytes: Infinity })[0]);
      },
    ],
    [
      'a traveller without its event id',
      () => {
        const [chunk] = pack(events(2), ids, { maxBytes: Infinity });
        delete (chunk.travellers[0] as Partial<(typeof chunk.travellers)[0]>).eventId;
        return bytesOf(chunk);
      },
    ],
  ])('refuses a chunk with %s as a whole (ContractViolation, no travellers)', (_what, bytes) => {
    expect(() => decodeChunk(bytes())).toThrow(ContractViolation);
  });
});
