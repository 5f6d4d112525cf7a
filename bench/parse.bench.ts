import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FlightLeg } from '@paxscreen/contracts';
import {
  DEFAULT_DELIMITERS,
  type PaxlstTraveller,
  readMessage,
  tokenizeEach,
  writePaxlst,
} from '@paxscreen/edifact';

import { type BenchRow, type BenchSuite, percentile } from './lib/suite';

/**
 * Parse throughput on one core (the main thread): a generated PAXLST of 10,000 passengers (the
 * issue's case), the same travellers as a JSON manifest, and the largest GTAS PNRGOV sample. Bytes
 * are in memory; each case is warmed up, then timed several times, and the median is reported.
 * Target (issue 4): at least 100,000 travellers/s for the PAXLST case.
 */
const PASSENGERS = 10000;
const SMOKE_PASSENGERS = 1000;
const RUNS = 25;
const SMOKE_RUNS = 2;
const WARM_UP = 3;
const TARGET_TRAVELLERS_PER_S = 100000;
const MS_PER_S = 1000;
const MIB = 2 ** 20;
const NOW = new Date('2025-06-01T00:00:00Z');
const GTAS_PNR = join(__dirname, '..', 'test', 'fixtures', 'edifact', 'gtas', 'pnrWithBags.txt');

const SURNAMES = [
  'SMITH',
  'GARCIA',
  'MULLER',
  'NGUYEN',
  'KOWALSKI',
  'OKAFOR',
  'TANAKA',
  'ROSSI',
  'SILVA',
  'OBRIEN',
];
const GIVEN = ['ANNA', 'JOHN', 'MARIA', 'WEI', 'FATIMA', 'LUCAS', 'SOFIA', 'OMAR', 'YUKI', 'PEDRO'];
const COUNTRIES = ['GBR', 'FRA', 'DEU', 'USA', 'CHN', 'NGA', 'JPN', 'ITA', 'BRA', 'IRL'];

const flight: FlightLeg = {
  carrier: 'ZZ',
  number: '0400',
  departure: { port: 'LHR', at: '2025-03-01T10:15' },
  arrival: { port: 'YYZ', at: '2025-03-01T13:30' },
};

/** Deterministic travellers (a small linear congruential generator: the same bytes every run). */
function travellers(n: number): PaxlstTraveller[] {
  let seed = 42;
  const next = (m: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % m;
  };
  return Array.from({ length: n }, (_, i) => ({
    role: 'PASSENGER' as const,
    ref: `ZZ${String(i).padStart(7, '0')}`,
    surname: SURNAMES[next(SURNAMES.length)],
    givenNames: `${GIVEN[next(GIVEN.length)]} ${GIVEN[next(GIVEN.length)]}`,
    dateOfBirth: `${1940 + next(80)}-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`,
    gender: next(2) === 0 ? ('F' as const) : ('M' as const),
    nationality: COUNTRIES[next(COUNTRIES.length)],
    residence: COUNTRIES[next(COUNTRIES.length)],
    embarkation: 'LHR',
    debarkation: 'YYZ',
    seat: `${1 + next(60)}${'ABCDEFGHJK'[next(10)]}`,
    bagCount: next(3),
    pnr: { locator: `Q${String(next(1e5)).padStart(5, '0')}` },
    documents: [
      {
        type: 'P',
        number: `X${String(next(1e8)).padStart(8, '0')}`,
        issuer: COUNTRIES[next(COUNTRIES.length)],
        expiry: '2030-01-01',
      },
    ],
  }));
}

function jsonManifest(list: PaxlstTraveller[]): string {
  return JSON.stringify({
    format: 'paxscreen.manifest',
    version: 1,
    kind: 'PASSENGERS',
    flight: { ...flight },
    travellers: list.map(({ pnr, ...t }) => ({ ...t, pnrLocator: pnr?.locator })),
  });
}

/** Median and fastest run: on a shared machine the median carries other processes' load too. */
function time(runs: number, fn: () => void): { median: number; best: number } {
  for (let i = 0; i < WARM_UP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), best: times[0] };
}

export const parseSuite: BenchSuite = {
  name: 'parse',
  description:
    'libs/edifact readers on one core: generated 10,000-passenger PAXLST, the same as JSON, and GTAS pnrWithBags',
  async run(ctx) {
    const n = ctx.smoke ? SMOKE_PASSENGERS : PASSENGERS;
    const runs = ctx.smoke ? SMOKE_RUNS : RUNS;
    const list = travellers(n);
    const paxlst = Buffer.from(
      writePaxlst({
        sender: 'ZZAIR',
        recipient: 'GOV',
        controlRef: '1',
        messageRef: 'M1',
        kind: 'PASSENGERS',
        flight,
        travellers: list,
      }),
    );
    const json = Buffer.from(jsonManifest(list));
    const pnr = readFileSync(GTAS_PNR);
    const pnrTravellers = readMessage(pnr, { now: NOW }).messages[0].travellers.length;
    const text = paxlst.toString('latin1');
    const bodyStart = text.indexOf('UNB');
    let segments = 0;
    tokenizeEach(text, bodyStart, DEFAULT_DELIMITERS, () => segments++);
    ctx.log(`PAXLST: ${n} passengers, ${(paxlst.length / MIB).toFixed(2)} MiB, ${segments} segments`);

    const rows: BenchRow[] = [];
    const row = (
      name: string,
      count: number,
      bytes: number,
      t: { median: number; best: number },
      targeted: boolean,
    ): BenchRow => {
      const perS = (count * MS_PER_S) / t.median;
      ctx.log(
        `${name}: median ${t.median.toFixed(1)} ms, best ${t.best.toFixed(1)} ms, ${Math.round(perS)} travellers/s`,
      );
      return {
        name,
        values: {
          travellers: count,
          MiB: bytes / MIB,
          'median ms': t.median,
          'best ms': t.best,
          'travellers/s (median)': perS,
          'travellers/s (best)': (count * MS_PER_S) / t.best,
          'MiB/s (median)': (bytes / MIB / t.median) * MS_PER_S,
        },
        ...(targeted
          ? {
              target: {
                text: `≥ ${TARGET_TRAVELLERS_PER_S.toLocaleString('en-GB')} travellers/s`,
                met: perS >= TARGET_TRAVELLERS_PER_S,
              },
            }
          : {}),
      };
    };
    // As readMessage tokenizes ASCII input: scanning the bytes (see tokenizeEach's `codes`).
    const tokenMs = time(runs, () =>
      tokenizeEach(paxlst.toString('latin1'), bodyStart, DEFAULT_DELIMITERS, () => undefined, paxlst),
    );
    rows.push(
      row(
        `decode + tokenize only: PAXLST, ${n.toLocaleString('en-GB')} passengers`,
        n,
        paxlst.length,
        tokenMs,
        false,
      ),
    );
    const paxlstMs = time(runs, () => readMessage(paxlst, { now: NOW }));
    rows.push(
      row(
        `readMessage: PAXLST D:05B, ${n.toLocaleString('en-GB')} passengers`,
        n,
        paxlst.length,
        paxlstMs,
        true,
      ),
    );
    // Issue 21: the same interchange as carriers' networks deliver it, within 10 % of the clean one.
    const soh = Buffer.from('\u0001QU YYZAPXH YYZCBXH\r\n.LHRKMZZ 011015/A1B2C3\r\n\u0002', 'latin1');
    const etx = Buffer.from('\u0003', 'latin1');
    for (const [name, bytes] of [
      ['in a Type B envelope (SOH … STX … ETX)', Buffer.concat([soh, paxlst, etx])],
      [
        'with Type B-safe UNA :(./ - in a Type B envelope',
        Buffer.concat([soh, typeBSafeDelimiters(text), etx]),
      ],
    ] as const) {
      const read = readMessage(bytes, { now: NOW }).messages[0].travellers.length;
      if (read !== n) throw new Error(`${name}: read ${read} travellers instead of ${n}`);
      const pair = timePair(
        runs,
        () => readMessage(paxlst, { now: NOW }),
        () => readMessage(bytes, { now: NOW }),
      );
      const t = pair.b;
      const r = row(
        `readMessage: PAXLST ${name}, ${n.toLocaleString('en-GB')} passengers`,
        n,
        bytes.length,
        t,
        false,
      );
      // Throughput relative to the clean interchange timed in alternation with it.
      const ratio = pair.a.median / t.median;
      rows.push({
        ...r,
        ratio: { to: 'readMessage: clean PAXLST timed in alternation (median travellers/s)', value: ratio },
        target: { text: 'within 10 % of the clean PAXLST', met: ratio >= 0.9 },
      });
    }
    const jsonMs = time(runs, () => readMessage(json, { now: NOW }));
    rows.push(
      row(
        `readMessage: JSON manifest, ${n.toLocaleString('en-GB')} passengers`,
        n,
        json.length,
        jsonMs,
        false,
      ),
    );
    const pnrMs = time(runs, () => readMessage(pnr, { now: NOW }));
    rows.push(
      row(
        `readMessage: PNRGOV pnrWithBags.txt (${pnrTravellers} travellers)`,
        pnrTravellers,
        pnr.length,
        pnrMs,
        false,
      ),
    );
    return rows;
  },
};

/**
 * The interchange re-delimited with Type B-safe service characters (`(` elements, `-` terminator,
 * `/` release): what was released with `?` and what is now a service character is released with `/`.
 */
function typeBSafeDelimiters(text: string): Buffer {
  const body = text.startsWith('UNA') ? text.slice(9) : text;
  const special = ':(-/';
  let out = 'UNA:(./ -';
  for (let i = 0; i < body.length; i++) {
    let ch = body[i];
    if (ch === '?' && i + 1 < body.length) {
      ch = body[++i];
      out += special.includes(ch) ? `/${ch}` : ch;
    } else if (ch === '+') out += '(';
    else if (ch === "'") out += '-';
    else out += '(-/'.includes(ch) ? `/${ch}` : ch;
  }
  return Buffer.from(out, 'latin1');
}

/** Two readers timed in alternation (the same load on both), medians of each. */
function timePair(runs: number, a: () => void, b: () => void) {
  for (let i = 0; i < WARM_UP; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, into] of i % 2 === 0
      ? ([
          [a, ta],
          [b, tb],
        ] as const)
      : ([
          [b, tb],
          [a, ta],
        ] as const)) {
      const start = performance.now();
      fn();
      into.push(performance.now() - start);
    }
  }
  const stats = (t: number[]) => {
    t.sort((x, y) => x - y);
    return { median: percentile(t, 50), best: t[0] };
  };
  return { a: stats(ta), b: stats(tb) };
}
