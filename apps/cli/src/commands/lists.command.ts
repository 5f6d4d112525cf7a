import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';

import type { Finding } from '@paxscreen/contracts';
import {
  type ListReadOptions,
  type ListReadResult,
  ListReadError,
  readList,
  readListFile,
} from '@paxscreen/lists';
import { type Command, Option } from 'commander';

import { CliError, EXIT, unreadableFile } from '../cli-error';
import { listReadFailure } from '../offline/load-screening-state';

/** Findings printed in the human-readable report; `--json` prints them all. */
const DEFAULT_SHOWN_FINDINGS = 20;

interface InspectOptions {
  json?: boolean;
  listId?: string;
  dateOrder?: 'DMY' | 'MDY';
  findings: string;
  entries?: boolean;
}

/**
 * `paxscreen lists inspect <file|dir> [more files]`: recognises a list file's format and reports
 * what it holds (entries, persons, entities, skipped rows) and the findings for bad rows, by line.
 * Several files (or a directory) are read as one list, e.g. an OFAC set. Exit 0 when every row was
 * read, 1 when some rows have error findings, 2 when the input cannot be read at all.
 */
export function registerListsCommand(program: Command): void {
  const lists = program.command('lists').description('watchlists, lost/stolen documents and enrolments');
  lists
    .command('inspect')
    .description('recognise a list file (or an OFAC file set / directory) and report entries and findings')
    .argument('<paths...>', 'list file, directory, or the files of one OFAC set')
    .option('--json', 'print the report as JSON')
    .option('--list-id <id>', 'list id to stamp on entries (default: UN, OFAC-SDN, … or the file name)')
    .addOption(new Option('--date-order <order>', 'day/month order of numeric dates').choices(['DMY', 'MDY']))
    .option('--findings <n>', 'findings to print in the text report', String(DEFAULT_SHOWN_FINDINGS))
    .option('--entries', 'with --json: include the entries themselves')
    .action(async (paths: string[], options: InspectOptions) => {
      const result = await inspect(paths, { listId: options.listId, dateOrder: options.dateOrder });
      if (options.json) {
        const { entries, ...report } = result;
        process.stdout.write(
          `${JSON.stringify(options.entries ? { ...report, entries } : report, null, 2)}\n`,
        );
      } else {
        process.stdout.write(textReport(result, Number(options.findings) || 0));
      }
      if (result.findings.some((f) => f.severity === 'error')) process.exitCode = EXIT.FINDINGS;
    });
}

async function inspect(paths: string[], options: ListReadOptions): Promise<ListReadResult> {
  const directories: string[] = [];
  for (const p of paths) {
    try {
      if ((await stat(p)).isDirectory()) directories.push(p);
    } catch (err) {
      throw unreadableFile(p, err);
    }
  }
  try {
    if (paths.length === 1) return await readListFile(paths[0], options);
    if (directories.length > 0)
      throw new CliError('USAGE', 'give one directory, or several files', EXIT.USAGE);
    const files = await Promise.all(
      paths.map(async (p) => ({ name: basename(p), bytes: await readFile(p) })),
    );
    return await readList({ files }, options);
  } catch (err) {
    if (err instanceof ListReadError) throw listReadFailure(err);
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') throw unreadableFile(paths.join(', '), err);
    throw err;
  }
}

function textReport(r: ListReadResult, shown: number): string {
  const lines = [
    `format      ${r.format}`,
    `kind        ${r.kind}`,
    `list id     ${r.listId}`,
    `encoding    ${r.encoding}`,
    `sha256      ${r.digest}`,
  ];
  if (r.publishedAt) lines.push(`published   ${r.publishedAt}`);
  lines.push(
    `rows        ${r.stats.rows}`,
    `entries     ${r.stats.entries}`,
    `persons     ${r.stats.persons}`,
    `entities    ${r.stats.entities}`,
    `skipped     ${r.stats.skipped}`,
  );
  const kinds = Object.entries(r.stats.byKind);
  if (kinds.length > 0) lines.push(`by kind     ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  lines.push(`findings    ${summary(r.findings)}`);
  for (const f of r.findings.slice(0, shown)) lines.push(`  ${describe(f)}`);
  if (r.findings.length > shown) lines.push(`  … ${r.findings.length - shown} more (--findings N or --json)`);
  return `${lines.join('\n')}\n`;
}

function summary(findings: Finding[]): string {
  if (findings.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const f of findings)
    counts.set(`${f.severity} ${f.code}`, (counts.get(`${f.severity} ${f.code}`) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

function describe(f: Finding): string {
  const where = [f.field, f.segment !== undefined ? `line ${f.segment}` : undefined]
    .filter(Boolean)
    .join(' ');
  return `${f.severity.padEnd(7)} ${f.code}${where ? ` (${where})` : ''}: ${f.message}`;
}
