import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EdifactError } from './errors/edifact.error';
import { readMessage } from './read-message';
import { sniffMessage } from './sniff';
import type { ReadResult } from './types';

/** test/fixtures/edifact/wild: shapes carriers really send, each read like its clean twin (SOURCES.md). */
const DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'edifact');
const NOW = new Date('2025-06-01T00:00:00Z');
const read = (file: string): ReadResult => readMessage(readFileSync(join(DIR, file)), { now: NOW });
const travellers = (r: ReadResult) => r.messages.map((m) => m.travellers);
const manifests = (r: ReadResult) => r.messages.map((m) => m.manifest);
const codes = (r: ReadResult) => r.findings.map((f) => f.code);

const TWINS: [string, string][] = [
  ['wild/paxlst-typeb-control.edi', 'ok/paxlst-d12b.edi'],
  ['wild/paxlst-typeb-textual.edi', 'ok/paxlst-d12b.edi'],
  ['wild/paxlst-typeb-sita.edi', 'ok/paxlst-d12b.edi'],
  ['wild/paxlst-typeb-bare.edi', 'ok/paxlst-d12b.edi'],
  ['wild/paxlst-una-typeb-safe.edi', 'ok/paxlst-d12b.edi'],
  ['wild/paxlst-no-una-iata-syntax.edi', 'ok/paxlst-d12b.edi'],
  ['wild/pnrgov-typeb-una-typeb-safe.edi', 'gtas/2_pnrs_basic.edi'],
  ['wild/pnrgov-typeb-no-una-iata.edi', 'gtas/2_pnrs_basic.edi'],
];

describe('wild/ corpus: each shape reads to the same travellers as its clean twin', () => {
  it.each(TWINS)('%s reads like %s', (wild, clean) => {
    const w = read(wild);
    const c = read(clean);
    expect(travellers(w).flat().length).toBeGreaterThan(0);
    expect(travellers(w)).toEqual(travellers(c));
    expect(manifests(w)).toEqual(manifests(c));
    expect(w.messages.map((m) => m.report.findings)).toEqual(c.messages.map((m) => m.report.findings));
  });
});

describe('Type B envelopes', () => {
  it('control characters: priority, addresses, origin, date/time and message identity are kept', () => {
    const r = read('wild/paxlst-typeb-control.edi');
    expect(r.typeB).toEqual({
      markers: 'CONTROL',
      priority: 'QU',
      addresses: ['YYZAPXH', 'YYZCBXH'],
      origin: 'LHRKMZZ',
      dateTime: '011015',
      messageIdentity: 'A1B2C3',
    });
    expect(codes(r)).toEqual(['TYPE_B_ENVELOPE']);
    expect(r.interchange).toMatchObject({ controlRef: 'CTRL12B' });
  });

  it('spelled-out markers with a double signature', () => {
    expect(read('wild/paxlst-typeb-textual.edi').typeB).toEqual({
      markers: 'TEXTUAL',
      priority: 'QD',
      addresses: ['YYZAPXH'],
      origin: 'LHRKMZZ',
      doubleSignature: 'AB',
      dateTime: '011015',
    });
  });

  it('SITA =TEXT form', () => {
    expect(read('wild/paxlst-typeb-sita.edi').typeB).toEqual({
      markers: 'SITA',
      priority: 'QU',
      addresses: ['YYZAPXH'],
      origin: 'LHRKMZZ',
      doubleSignature: 'AB',
      messageIdentity: '011015A1B2C3',
    });
  });

  it('a bare heading whose control characters a bridge dropped', () => {
    expect(read('wild/paxlst-typeb-bare.edi').typeB).toMatchObject({
      markers: 'NONE',
      priority: 'QU',
      addresses: ['YYZAPXH'],
      origin: 'LHRKMZZ',
    });
  });

  it('a clean message has no envelope and no finding about one', () => {
    const r = read('ok/paxlst-d12b.edi');
    expect(r.typeB).toBeUndefined();
    expect(codes(r)).not.toContain('TYPE_B_ENVELOPE');
  });

  it('sniffing sees through the envelope (flight for partitioning, heading for the receipt)', () => {
    const s = sniffMessage(readFileSync(join(DIR, 'wild/pnrgov-typeb-una-typeb-safe.edi')));
    expect(s).toMatchObject({ kind: 'EDIFACT', messageType: 'PNRGOV', carrier: 'DL', flight: 'DL0324' });
    expect(s.typeB).toMatchObject({ markers: 'TEXTUAL', origin: 'ATLRMDL', messageIdentity: 'F6C2C268' });
  });

  it('an envelope with nothing EDIFACT inside is still NOT_EDIFACT', () => {
    const bytes = Buffer.from('\u0001QU YYZAPXH\r\n.LHRKMZZ 011015\r\n\u0002HELLO WORLD\u0003');
    expect(() => readMessage(bytes)).toThrow(
      expect.objectContaining({ code: 'NOT_EDIFACT' }) as EdifactError,
    );
  });
});

describe('delimiters in the wild', () => {
  it('no UNA and non-default separators: inferred from UNB and said in a finding', () => {
    expect(codes(read('wild/paxlst-no-una-iata-syntax.edi'))).toContain('NONSTANDARD_DELIMITERS');
    expect(codes(read('wild/pnrgov-typeb-no-una-iata.edi'))).toContain('NONSTANDARD_DELIMITERS');
  });

  it('no UNA and separators that cannot be inferred: UNKNOWN_DELIMITERS', () => {
    const bytes = Buffer.from('UNB+IATA:1+ZZ+XX+250301:0930+1~~UNHX1XPAXLSTXD:05B~~');
    let error: unknown;
    try {
      readMessage(bytes);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EdifactError);
    expect((error as EdifactError).code).toBe('UNKNOWN_DELIMITERS');
  });
});
