import type { BenchSuite } from './lib/suite';

/** Every benchmark suite, in the order `npm run bench` runs them. Add a suite's file here. */
export const SUITES: BenchSuite[] = [];
