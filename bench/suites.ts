import { caseworkSuite } from './casework.bench';
import { e2eSuite } from './e2e.bench';
import { floodSuite } from './flood.bench';
import { iapiSuite } from './iapi.bench';
import type { BenchSuite } from './lib/suite';
import { listsSuite } from './lists.bench';
import { matchSuite } from './match.bench';
import { memorySuite } from './memory.bench';
import { parseSuite } from './parse.bench';
import { poeSuite } from './poe.bench';
import { rawSuite } from './raw.bench';
import { recordsSearchSuite } from './records-search.bench';
import { recordsSuite } from './records.bench';
import { repeatsSuite } from './repeats.bench';
import { scaleSuite } from './scale.bench';

/** Every benchmark suite, in the order `npm run bench` runs them. Add a suite's file here. */
export const SUITES: BenchSuite[] = [
  listsSuite,
  parseSuite,
  matchSuite,
  repeatsSuite,
  rawSuite,
  e2eSuite,
  // After e2e: compares records ingest with the capacity e2e measured in the same run.
  recordsSuite,
  recordsSearchSuite,
  caseworkSuite,
  poeSuite,
  iapiSuite,
  floodSuite,
  memorySuite,
  scaleSuite,
];
