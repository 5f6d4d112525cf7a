import type { FlightLeg } from '@paxscreen/contracts';

import { EdifactError } from '../errors/edifact.error';
import { readMessage } from '../read-message';
import type { ParsedMessage } from '../types';
import { writePaxlst } from '../writers/paxlst.writer';
import { mergeParts } from './merge-parts';

const NOW = new Date('2025-06-01T00:00:00Z');
const flight: FlightLeg = {
  carrier: 'ZZ',
  number: '0400',
  departure: { port: 'LHR', at: '2025-03-01T10:15' },
  arrival: { port: 'YYZ', at: '2025-03-01T13:30' },
};
const person = (surname: string) => ({
  role: 'PASSENGER' as const,
  surname,
  givenNames: 'TEST',
  dateOfBirth: '1980-01-01',
  gender: 'F' as const,
  nationality: 'GBR',
  documents: [{ type: 'P', number: `N${surname}`, issuer: 'GBR', expiry: '2030-01-01' }],
});
const part = (sequence: number, final: boolean, surnames: string[], reference = 'REF1'): ParsedMessage =>
  readMessage(
    Buffer.from(
      writePaxlst({
        sender: 'ZZ',
        recipient: 'GOV',
        controlRef: `C${sequence}`,
        messageRef: `M${sequence}`,
        kind: 'PASSENGERS',
        flight,
        multipart: { reference, sequence, final },
        travellers: surnames.map(person),
      }),
    ),
    { now: NOW },
  ).messages[0];
const codes = (m: ParsedMessage) => m.report.findings.map((f) => f.code);

describe('mergeParts', () => {
  it('orders parts, keeps every traveller and their ids, and renumbers findings', () => {
    const p1 = part(1, false, ['A', 'B']);
    const p2 = part(2, false, ['C']);
    const p3 = part(3, true, ['D']);
    const merged = mergeParts([p3, p1, p2]);
    expect(merged.travellers.map((t) => t.surname)).toEqual(['A', 'B', 'C', 'D']);
    expect(merged.travellers.map((t) => t.travellerId)).toEqual(
      [...p1.travellers, ...p2.travellers, ...p3.travellers].map((t) => t.travellerId),
    );
    expect(merged.multipart).toEqual({ reference: 'REF1', sequence: 3, final: true });
    expect(merged.report).toMatchObject({ travellers: 4, errors: 0 });
    expect(codes(merged)).toEqual([]);
  });

  it.each([
    [[1, 3], true, 'multi-part message is incomplete: part(s) 2 missing'],
    [[1, 2], false, 'multi-part message is incomplete: no final part'],
  ])('flags an incomplete set %j (final %s)', (sequences, lastFinal, message) => {
    const parts = sequences.map((s, i) => part(s, lastFinal && i === sequences.length - 1, [`P${s}`]));
    const merged = mergeParts(parts);
    const incomplete = merged.report.findings.find((f) => f.code === 'INCOMPLETE_MULTIPART');
    expect(incomplete?.message).toBe(message);
    expect(incomplete?.severity).toBe('error');
    expect(merged.multipart?.final).toBe(false);
  });

  it('uses the last copy of a re-sent part and says so', () => {
    const merged = mergeParts([part(1, false, ['OLD']), part(1, false, ['NEW']), part(2, true, ['X'])]);
    expect(merged.travellers.map((t) => t.surname)).toEqual(['NEW', 'X']);
    expect(codes(merged)).toEqual(['DUPLICATE_PART']);
  });

  it('gives a traveller repeated across parts a distinct id with a finding', () => {
    const merged = mergeParts([part(1, false, ['SAME']), part(2, true, ['SAME'])]);
    expect(new Set(merged.travellers.map((t) => t.travellerId)).size).toBe(2);
    expect(merged.travellers[1].findings.map((f) => [f.code, f.traveller])).toEqual([
      ['DUPLICATE_TRAVELLER', 1],
    ]);
  });

  it.each([
    [[], 'no parts to merge'],
    [[part(1, false, ['A']), part(2, true, ['B'], 'OTHER')], 'parts belong to different messages'],
  ])('refuses %#', (parts, message) => {
    expect(() => mergeParts(parts)).toThrow(EdifactError);
    expect(() => mergeParts(parts)).toThrow(message);
  });
});
