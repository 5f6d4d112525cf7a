// The name-matching evaluation harness (`npm run eval`, and the match benchmark's perturbed queries):
// measurements of libs/matching, kept apart from it.
export { binaryMetrics } from './metrics';
export type { BinaryMetrics } from './metrics';
export { nameBenchCases, runNameBench, schemaKind } from './name-bench';
export type { NameBenchCase, NameBenchReport, NameBenchRow } from './name-bench';
export { reorder, seededRandom, typo } from './perturb';
export * from './screening-sets';
export { listsAndNegatives } from './probe-sets';
export * from './report';
