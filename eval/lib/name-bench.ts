import { compareNames, DEFAULT_THRESHOLDS, type MatchKind } from '@paxscreen/matching';
import { BinaryMetrics, binaryMetrics } from './metrics';

/** One labelled pair of nomenklatura's name_bench (`contrib/name_bench/cases.csv`). */
export interface NameBenchCase {
  caseGroup: string;
  schema: string;
  name1: string;
  name2: string;
  isMatch: boolean;
  category: string;
}

export interface NameBenchRow extends NameBenchCase {
  score: number;
  predicted: boolean;
}

export interface NameBenchReport {
  threshold: number;
  person: BinaryMetrics;
  all: BinaryMetrics;
  bySchema: Record<string, BinaryMetrics>;
  byGroup: Record<string, BinaryMetrics>;
  byCategory: Record<string, BinaryMetrics>;
  rows: NameBenchRow[];
}

export function nameBenchCases(records: readonly Record<string, string>[]): NameBenchCase[] {
  return records.map((r) => ({
    caseGroup: r.case_group,
    schema: r.schema,
    name1: r.name1,
    name2: r.name2,
    isMatch: r.is_match === 'true',
    category: r.category || '(none)',
  }));
}

/** Persons compare as persons; companies, organisations, legal entities and vessels as entities. */
export function schemaKind(schema: string): MatchKind {
  return schema === 'Person' ? 'PERSON' : 'ENTITY';
}

function groupBy(
  rows: readonly NameBenchRow[],
  key: (r: NameBenchRow) => string,
): Record<string, BinaryMetrics> {
  const groups = new Map<string, NameBenchRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return Object.fromEntries(
    [...groups]
      .sort()
      .map(([k, rs]) => [k, binaryMetrics(rs.map((r) => ({ actual: r.isMatch, predicted: r.predicted })))]),
  );
}

/** Scores every pair with the default algorithm; a pair is predicted a match at the default alert threshold. */
export function runNameBench(
  cases: readonly NameBenchCase[],
  threshold: number = DEFAULT_THRESHOLDS.alert,
): NameBenchReport {
  const rows = cases.map((c) => {
    const score = compareNames(c.name1, c.name2, schemaKind(c.schema)).score;
    return { ...c, score, predicted: score >= threshold };
  });
  const metrics = (rs: readonly NameBenchRow[]) =>
    binaryMetrics(rs.map((r) => ({ actual: r.isMatch, predicted: r.predicted })));
  return {
    threshold,
    person: metrics(rows.filter((r) => r.schema === 'Person')),
    all: metrics(rows),
    bySchema: groupBy(rows, (r) => r.schema),
    byGroup: groupBy(rows, (r) => r.caseGroup),
    byCategory: groupBy(rows, (r) => r.category),
    rows,
  };
}
