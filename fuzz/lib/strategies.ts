import type { Corpus } from './corpus';
import {
  deepNesting,
  generatedPaxlst,
  hugeRepetition,
  mutateSegments,
  reencode,
  rewriteUna,
  sprinkleRelease,
} from './edifact-gen';
import { jsonManifestText } from './json-gen';
import { EDIFACT_TOKENS, JSON_TOKENS, mutateBytes } from './mutate';
import { Rng } from './rng';
import { withoutUna, wrapTypeB } from './type-b-gen';

/**
 * The fuzzer's input mix: a named list of weighted strategies. Weights are shares of the cases;
 * the cheap ones dominate so a million cases run in minutes, the expensive ones (huge
 * repetitions, deep nesting) are rare but present in every run of 10,000 cases or more.
 */
export interface Strategy {
  name: string;
  /** What the input mostly is: a row family in the results table. */
  family: 'PAXLST' | 'PNRGOV' | 'EDIFACT' | 'JSON' | 'NOISE';
  weight: number;
  make: (rng: Rng, corpus: Corpus) => Buffer;
}

type Pool = 'paxlst' | 'pnrgov';

const latin1 = (b: Buffer) => b.toString('latin1');
const donors = (c: Corpus) => [...c.paxlst, ...c.pnrgov, ...c.json, ...c.other];
/** A seed of the pool, rarely a large one (the large seeds cost 50-100x a small one). */
const seedOf = (rng: Rng, c: Corpus, pool: Pool): Buffer =>
  rng.chance(0.003) ? rng.pick(c.large) : rng.pick(c[pool]);
const steps = (rng: Rng) => rng.small(1, 8);

function edifactStrategies(pool: Pool, family: 'PAXLST' | 'PNRGOV'): Strategy[] {
  const p = pool;
  return [
    {
      name: `${p}/bytes`,
      family,
      weight: 14,
      make: (rng, c) => mutateBytes(rng, seedOf(rng, c, p), donors(c), EDIFACT_TOKENS, steps(rng)),
    },
    {
      name: `${p}/segments`,
      family,
      weight: 10,
      make: (rng, c) => Buffer.from(mutateSegments(rng, latin1(seedOf(rng, c, p))), 'latin1'),
    },
    {
      name: `${p}/una`,
      family,
      weight: 5,
      make: (rng, c) => Buffer.from(rewriteUna(rng, latin1(seedOf(rng, c, p))), 'utf8'),
    },
    {
      name: `${p}/release`,
      family,
      weight: 4,
      make: (rng, c) => Buffer.from(sprinkleRelease(rng, latin1(seedOf(rng, c, p))), 'latin1'),
    },
    {
      name: `${p}/charset`,
      family,
      weight: 4,
      make: (rng, c) => reencode(rng, seedOf(rng, c, p).toString('utf8')),
    },
    {
      name: `${p}/type-b`,
      family,
      weight: 4,
      make: (rng, c) => Buffer.from(wrapTypeB(rng, latin1(seedOf(rng, c, p))), 'latin1'),
    },
    {
      name: `${p}/no-una`,
      family,
      weight: 3,
      make: (rng, c) => {
        const text = withoutUna(rng, latin1(seedOf(rng, c, p)));
        return Buffer.from(rng.chance(0.4) ? wrapTypeB(rng, text) : text, 'latin1');
      },
    },
    {
      name: `${p}/truncated`,
      family,
      weight: 3,
      make: (rng, c) => {
        const seed = seedOf(rng, c, p);
        return seed.subarray(0, rng.below(seed.length + 1));
      },
    },
  ];
}

export const STRATEGIES: readonly Strategy[] = [
  ...edifactStrategies('paxlst', 'PAXLST'),
  ...edifactStrategies('pnrgov', 'PNRGOV'),
  {
    name: 'paxlst/generated',
    family: 'PAXLST',
    weight: 8,
    make: (rng) => Buffer.from(generatedPaxlst(rng), 'utf8'),
  },
  {
    name: 'paxlst/generated+mutated',
    family: 'PAXLST',
    weight: 6,
    make: (rng, c) => {
      const text = generatedPaxlst(rng);
      const mutated = rng.chance(0.5) ? mutateSegments(rng, text) : rewriteUna(rng, text);
      return rng.chance(0.3)
        ? reencode(rng, mutated)
        : mutateBytes(rng, Buffer.from(mutated), donors(c), EDIFACT_TOKENS, rng.small(0, 3));
    },
  },
  { name: 'edifact/deep-nesting', family: 'EDIFACT', weight: 0.6, make: (rng) => deepNesting(rng) },
  {
    name: 'edifact/huge-repetition',
    family: 'EDIFACT',
    weight: 0.15,
    make: (rng, c) => hugeRepetition(rng, latin1(rng.pick([...c.paxlst, ...c.pnrgov]))),
  },
  {
    name: 'noise/bytes',
    family: 'NOISE',
    weight: 4,
    make: (rng) => {
      const prefix = rng.pick([
        '',
        '',
        "UNA:+.? '",
        'UNB+',
        'UNH+',
        'UNA',
        '{',
        '\uFEFF',
        '\uFEFF{',
        ' \n',
        '[',
        '"',
      ]);
      const body = rng.chance(0.1)
        ? Buffer.alloc(rng.small(0, 4096), rng.pick([0x00, 0xff, 0x27, 0x2b, 0x3f, 0x7b]))
        : rng.bytes(rng.small(0, 4096));
      return Buffer.concat([Buffer.from(prefix, 'utf8'), body]);
    },
  },
  {
    name: 'noise/other-seeds',
    family: 'NOISE',
    weight: 1,
    make: (rng, c) =>
      mutateBytes(
        rng,
        rng.pick(c.other.length ? c.other : c.json),
        donors(c),
        EDIFACT_TOKENS,
        rng.small(0, 4),
      ),
  },
  {
    name: 'json/generated',
    family: 'JSON',
    weight: 8,
    make: (rng) => Buffer.from(jsonManifestText(rng), 'utf8'),
  },
  {
    name: 'json/mutated',
    family: 'JSON',
    weight: 6,
    make: (rng, c) => {
      const base = rng.chance(0.5) ? rng.pick(c.json) : Buffer.from(jsonManifestText(rng), 'utf8');
      return mutateBytes(rng, base, c.json, JSON_TOKENS, steps(rng));
    },
  },
];

/**
 * Inputs are cut to the gateway's default body limit (GATEWAY_BODY_LIMIT, 10 MiB): longer ones are
 * refused with 413 before any reader sees them.
 */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export interface FuzzCase {
  index: number;
  strategy: Strategy;
  bytes: Buffer;
}

/** Case `index` of the run seeded with `seed`: a pure function of both (and of the corpus). */
export function generateCase(seed: number, index: number, corpus: Corpus): FuzzCase {
  const rng = Rng.forCase(seed, index);
  const strategy = rng.weighted(STRATEGIES);
  const bytes = strategy.make(rng, corpus);
  return {
    index,
    strategy,
    bytes: bytes.length > MAX_INPUT_BYTES ? bytes.subarray(0, MAX_INPUT_BYTES) : bytes,
  };
}
