import { readFile, writeFile } from 'node:fs/promises';

import { OUTCOME_SEVERITY, OUTCOMES, type Outcome } from '@paxscreen/contracts';
import { isCanonicalCountryCode } from '@paxscreen/lists';
import type { ListPolicy } from '@paxscreen/matching';
import {
  type DecisionCsvRow,
  decisionsToCsv,
  DEFAULT_SCREENING_CONFIG,
  parseListPolicies,
  Screener,
  type ScreeningConfig,
} from '@paxscreen/screening';
import { type Command, Option } from 'commander';

import { CliError, EXIT, unreadableFile } from '../cli-error';
import { bundledSample, type ListSource } from '../offline/bundled-sample';
import { manifestHeading, screenLine, tableRow } from '../offline/decision-output';
import {
  type Expected,
  type LoadedList,
  loadScreeningState,
  type LoadRequest,
  parseListArgument,
} from '../offline/load-screening-state';
import { Progress } from '../offline/progress';
import { expandManifestPaths, readManifests } from '../offline/read-manifests';
import { readOptions, type ReadCliOptions } from './read-input';

const MS_PER_S = 1000;

interface ScreenOptions extends ReadCliOptions {
  list: string[];
  lostStolen: string[];
  enrolments: string[];
  rules: string[];
  policies?: string;
  sample?: boolean;
  json?: boolean;
  csv?: string;
  homeEconomy: string;
  failOn?: Exclude<Outcome, 'CLEAR'>;
  progress: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * `paxscreen screen <manifest...> --list <file>...`: screens every traveller offline, in this
 * process, with the screening service's own decision implementation (`Screener` over a
 * `ScreeningState` fed by the same loader). Decisions on stdout (a table, or JSON Lines), the
 * summary and progress on stderr. Exit 0 when screened; 1 with `--fail-on` when a decision is that
 * severe or more; 2 when a manifest or list cannot be read; 64 on usage errors.
 */
export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description(
      'screen manifests offline against list files with the screening service’s decision logic (no servers)',
    )
    .argument('[manifests...]', 'EDIFACT or JSON manifests, or folders of them')
    .option(
      '--list <[ID=]file>',
      'watchlist file or OFAC folder, any supported format (repeatable)',
      collect,
      [],
    )
    .option('--lost-stolen <[ID=]file>', 'lost/stolen documents CSV (repeatable)', collect, [])
    .option('--enrolments <[ID=]file>', 'trusted-traveller / ABTC enrolments CSV (repeatable)', collect, [])
    .option('--rules <[ID=]file>', 'rule set, YAML or JSON (repeatable)', collect, [])
    .option('--policies <file>', 'per-list thresholds, JSON [{ listId, alert, refer, noBoard? }]')
    .option(
      '--sample',
      'add the bundled UN, OFAC, national, lost/stolen, enrolment lists and rules; screen the bundled manifests when none is given',
    )
    .option('--json', 'print JSON Lines, one decision per traveller')
    .option(
      '--csv <file>',
      'also write the decisions to a CSV file for spreadsheets (UTF-8 with BOM, cells safe from formula injection)',
    )
    .option(
      '--home-economy <code>',
      'ISO alpha-3 of the economy screened for (ABTC, TTP)',
      DEFAULT_SCREENING_CONFIG.homeEconomy,
    )
    .option('--now <iso>', 'decision time, for rules and validity checks (default: now)')
    .addOption(new Option('--direction <direction>', 'flight direction').choices(['INBOUND', 'OUTBOUND']))
    .addOption(
      new Option('--fail-on <outcome>', 'exit 1 when a decision is this severe or more').choices(
        OUTCOMES.filter((o) => o !== 'CLEAR'),
      ),
    )
    .option('--no-progress', 'no progress line on stderr')
    .addHelpText(
      'after',
      `
List ids: a list keeps the id its format implies (UN, OFAC-SDN, …, or the file name); NAME=path sets one.
Examples:
  paxscreen screen --sample
  paxscreen screen manifest.edi --list data/lists/UN_consolidated.xml --list NATIONAL=national.csv --json
  paxscreen screen flights/ --sample --fail-on REFER`,
    )
    .action(async (paths: string[], options: ScreenOptions) => screen(paths, options));
}

async function screen(paths: string[], options: ScreenOptions): Promise<void> {
  const started = performance.now();
  const read = readOptions(options);
  const config = await configFrom(options);
  const sample = options.sample ? bundledSample() : undefined;
  const requests = await loadRequests(options, sample);
  const manifestPaths = paths.length > 0 ? paths : (sample?.manifests ?? []);
  if (manifestPaths.length === 0)
    throw new CliError('USAGE', 'give manifest files or folders (or --sample)', EXIT.USAGE);
  if (requests.length === 0)
    throw new CliError(
      'USAGE',
      'give lists to screen against: --list, --lost-stolen, --enrolments, --rules or --sample',
      EXIT.USAGE,
    );

  const progress = new Progress(process.stderr, options.progress);
  const { state, lists } = await loadScreeningState(requests, (path) => progress.note(`loading ${path}…`));
  const loadedAt = performance.now();
  const { manifests, failures } = await readManifests(await expandManifestPaths(manifestPaths), read);
  progress.clear();
  for (const f of failures) process.stderr.write(`paxscreen: ${f.file}: ${f.code}: ${f.message}\n`);
  for (const m of manifests)
    if (m.incomplete)
      process.stderr.write(
        `paxscreen: warning: ${m.files.join(', ')}: ${m.message.manifest.manifestId}: ${m.incomplete}; screening the parts given\n`,
      );

  const screener = new Screener(state, config);
  progress.start();
  const total = manifests.reduce((n, m) => n + m.message.travellers.length, 0);
  const counts = new Map<Outcome, number>(OUTCOMES.map((o) => [o, 0]));
  let done = 0;
  let screeningMs = 0;
  const csvRows: DecisionCsvRow[] = [];
  for (const manifest of manifests) {
    const out: string[] = options.json ? [] : [`${done > 0 ? '\n' : ''}${manifestHeading(manifest)}`];
    manifest.message.travellers.forEach((traveller, index) => {
      const t0 = performance.now();
      const decision = screener.screen(traveller, read.now ? { now: read.now } : {});
      screeningMs += performance.now() - t0;
      counts.set(decision.outcome, (counts.get(decision.outcome) ?? 0) + 1);
      if (options.csv)
        csvRows.push({
          manifestId: manifest.message.manifest.manifestId,
          flight: traveller.flight,
          subject: traveller,
          decision,
        });
      out.push(
        options.json
          ? `${JSON.stringify(screenLine(manifest, index, traveller, decision))}\n`
          : tableRow(index, traveller, decision),
      );
      progress.update(++done, total);
    });
    process.stdout.write(out.join(''));
  }
  progress.clear();
  if (options.csv) await writeCsv(options.csv, csvRows);
  process.stderr.write(
    summary({
      lists,
      manifests: manifests.length,
      travellers: done,
      counts,
      screeningMs,
      loadMs: loadedAt - started,
      totalMs: performance.now() - started,
    }),
  );

  if (failures.length > 0) process.exitCode = EXIT.UNREADABLE;
  else if (options.failOn) {
    const bar = OUTCOME_SEVERITY[options.failOn];
    if ([...counts].some(([o, n]) => n > 0 && OUTCOME_SEVERITY[o] >= bar)) process.exitCode = EXIT.FINDINGS;
  }
}

async function writeCsv(path: string, rows: DecisionCsvRow[]): Promise<void> {
  await writeFile(path, decisionsToCsv(rows, { byteOrderMark: true }), 'utf8').catch((err: unknown) => {
    throw new CliError('UNWRITABLE_FILE', `${path}: ${(err as Error).message}`);
  });
}

async function configFrom(options: ScreenOptions): Promise<ScreeningConfig> {
  if (!isCanonicalCountryCode(options.homeEconomy))
    throw new CliError('USAGE', '--home-economy must be an ISO alpha-3 code such as USA', EXIT.USAGE);
  let policies: readonly ListPolicy[] = DEFAULT_SCREENING_CONFIG.policies;
  if (options.policies) {
    const text = await readFile(options.policies, 'utf8').catch((err: unknown) => {
      throw unreadableFile(options.policies!, err);
    });
    try {
      policies = parseListPolicies(text);
    } catch (err) {
      throw new CliError('INVALID_POLICIES', `${options.policies}: ${(err as Error).message}`);
    }
  }
  return { ...DEFAULT_SCREENING_CONFIG, homeEconomy: options.homeEconomy, policies };
}

async function loadRequests(
  options: ScreenOptions,
  sample?: ReturnType<typeof bundledSample>,
): Promise<LoadRequest[]> {
  const fromSample = (sources: ListSource[] | undefined, expect: Expected): LoadRequest[] =>
    (sources ?? []).map((s) => ({ ...s, expect }));
  const given = async (args: string[], expect: Expected) =>
    Promise.all(args.map((a) => parseListArgument(a, expect)));
  return [
    ...fromSample(sample?.lists, 'watchlist'),
    ...fromSample(sample?.lostStolen, 'documents'),
    ...fromSample(sample?.enrolments, 'enrolments'),
    ...fromSample(sample?.rules, 'rules'),
    ...(await given(options.list, 'any')),
    ...(await given(options.lostStolen, 'documents')),
    ...(await given(options.enrolments, 'enrolments')),
    ...(await given(options.rules, 'rules')),
  ];
}

interface SummaryFacts {
  lists: LoadedList[];
  manifests: number;
  travellers: number;
  counts: Map<Outcome, number>;
  screeningMs: number;
  loadMs: number;
  totalMs: number;
}

const seconds = (ms: number) => `${(ms / MS_PER_S).toFixed(2)} s`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The run in a few lines: what was loaded, how many were screened, outcomes, time and rate. */
export function summary(f: SummaryFacts): string {
  const lines = f.lists.map(
    (l, i) =>
      `${i === 0 ? 'lists   ' : '        '} ${l.listId} (${l.format}): ${l.entries} ${l.kind === 'rules' ? 'rules' : 'entries'}` +
      `${l.errors > 0 ? `, ${l.errors} rows with errors` : ''}, version ${l.version}, ${seconds(l.ms)}`,
  );
  const rate = f.screeningMs > 0 ? Math.round((f.travellers / f.screeningMs) * MS_PER_S) : 0;
  lines.push(
    `screened ${plural(f.travellers, 'traveller')} from ${plural(f.manifests, 'manifest')} in ${seconds(f.screeningMs)} (${rate} travellers/s)`,
    `outcomes ${[...f.counts].map(([o, n]) => `${o} ${n}`).join(', ')}`,
    `time     ${seconds(f.totalMs)} in all (lists ${seconds(f.loadMs)})`,
  );
  return `${lines.join('\n')}\n`;
}
