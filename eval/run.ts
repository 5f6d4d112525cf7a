/**
 * `npm run eval [-- --quick]`: name-matching accuracy of @paxscreen/matching on the labelled sets in
 * data/lists/eval (see data/lists/SOURCES.md). Writes eval/results/eval.json and eval/results/README.md and
 * prints the table. One configuration (the default algorithm and thresholds) for every set.
 * --quick: a few hundred rows per set, for a smoke check.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WatchlistEntry } from '@paxscreen/contracts';
import { countryCode, parseCsvRecords, readListFile } from '@paxscreen/lists';
import { DEFAULT_ALGORITHM, DEFAULT_THRESHOLDS, MatchIndex, readYenteQueries } from '@paxscreen/matching';

import {
  evalReportMarkdown,
  EvalReport,
  linkByName,
  nameBenchCases,
  negativesAlertRate,
  positivesRecall,
  runNameBench,
  tokenPairs,
} from './lib';

const ROOT = join(__dirname, '..');
const EVAL = join(ROOT, 'data', 'lists', 'eval');
const RESULTS = join(__dirname, 'results');
const QUICK_ROWS = 300;

const read = (file: string): string => readFileSync(join(EVAL, file), 'utf8');

async function watchlist(path: string): Promise<WatchlistEntry[]> {
  const r = await readListFile(join(ROOT, path));
  if (r.kind !== 'watchlist') throw new Error(`${path} is not a watchlist`);
  return r.entries;
}

function indexOf(entries: readonly WatchlistEntry[]): { index: MatchIndex; ms: number } {
  const started = Date.now();
  const index = new MatchIndex();
  for (const e of entries) index.add(e);
  return { index, ms: Date.now() - started };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const cap = <T>(rows: T[]): T[] => (quick ? rows.slice(0, QUICK_ROWS) : rows);
  const country = (v: string) => countryCode(v);
  const log = (m: string) => process.stderr.write(`eval: ${m}\n`);

  log('name_bench');
  const nameBench = runNameBench(
    cap(nameBenchCases(parseCsvRecords(read('nomenklatura_name_bench_cases.csv')))),
  );
  const frozen = parseCsvRecords(read('nomenklatura_name_bench_logicv2-frozen.csv'));

  log('UN positives');
  const un = await watchlist('data/lists/UN_consolidated.xml');
  const unIndex = indexOf(un);
  const positives = cap(readYenteQueries(read('yente_cgb_positives_un_untreated.csv'), country));
  const truth = linkByName(un);
  const recall = (['untreated', 'typo', 'reordered'] as const).map((v) =>
    positivesRecall(unIndex.index, positives, truth, v),
  );

  log('negatives against UN + OFAC SDN');
  const sdn = await watchlist('data/lists/ofac_sdn_2021');
  const both = indexOf([...un, ...sdn]);
  const negatives = cap(readYenteQueries(read('yente_cgb_negatives_global.csv'), country));
  const alerts = negativesAlertRate(both.index, negatives);

  log('Merhav–Ash token pairs');
  const pairs = [
    tokenPairs('Arabic', read('merhav_ash_wd_arabic_20.tsv'), quick ? QUICK_ROWS : Infinity),
    tokenPairs('Russian', read('merhav_ash_wd_russian_20.tsv'), quick ? QUICK_ROWS : Infinity),
    tokenPairs('Hebrew', read('merhav_ash_wd_hebrew_20.tsv'), quick ? QUICK_ROWS : Infinity),
    tokenPairs('Katakana', read('merhav_ash_wd_katakana_20.tsv'), quick ? QUICK_ROWS : Infinity),
  ];

  const report: EvalReport = {
    generatedAt: new Date().toISOString(),
    quick,
    algorithm: DEFAULT_ALGORITHM.name,
    thresholds: DEFAULT_THRESHOLDS,
    nameBench,
    frozen,
    recall,
    alerts,
    alertLists: { un: un.length, sdn: sdn.length, names: both.index.nameCount, buildMs: both.ms },
    pairs,
  };
  const markdown = evalReportMarkdown(report);
  const dir = quick ? join(RESULTS, 'tmp') : RESULTS;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'eval.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'README.md'), markdown);
  process.stdout.write(`${markdown}\n`);
  log(`wrote ${join(dir, 'eval.json')} and README.md`);
}

main().catch((err: unknown) => {
  process.stderr.write(`eval: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
