import { readFile } from 'node:fs/promises';

import type { WatchlistEntry } from '@paxscreen/contracts';
import { countryCode, CsvSyntaxError, ListReadError, parseCsvRecords, readListFile } from '@paxscreen/lists';
import { classify, MatchIndex, policyFor, YENTE_COLUMNS, yenteQuery } from '@paxscreen/matching';
import type { Command } from 'commander';

import { CliError, EXIT } from '../cli-error';

const DEFAULT_TOP = 5;
/** Scores are printed with this many decimals (enough to rank, short enough to read). */
const SCORE_DECIMALS = 4;

interface MatchOptions {
  list: string[];
  queries: string;
  top: string;
}

/** One output line per query row. */
export interface MatchLine {
  row: number;
  alert: boolean;
  candidates: { listId: string; entryId: string; name: string; score: number; explanation: string }[];
}

/**
 * `paxscreen match --list <file> [--list <file> ...] --queries <csv> [--top 5]`: screens each row of a
 * yente-layout CSV (full_name, first_name, middle_name, last_name, gender, date_of_birth, place_of_birth,
 * nationality) against the given watchlists (formats recognised from content) and prints one JSON line per
 * row: `{"row": n, "alert": bool, "candidates": [...]}`. `row` counts data rows from 1; `alert` is true when
 * the best candidate reaches its list's alert threshold.
 */
export function registerMatchCommand(program: Command): void {
  program
    .command('match')
    .description('screen the names of a yente-layout CSV against watchlists; one JSON line per row')
    .requiredOption('--list <file>', 'watchlist file or OFAC directory (repeatable)', collect, [])
    .requiredOption(
      '--queries <csv>',
      'queries: full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality',
    )
    .option('--top <n>', 'candidates per query', String(DEFAULT_TOP))
    .action(async (options: MatchOptions) => {
      const top = Number(options.top);
      if (!Number.isInteger(top) || top < 1)
        throw new CliError('USAGE', '--top must be a positive integer', EXIT.USAGE);
      const index = new MatchIndex();
      for (const path of options.list) for (const entry of await readWatchlist(path)) index.add(entry);
      const rows = await readQueries(options.queries);
      rows.forEach((row, i) => {
        process.stdout.write(`${JSON.stringify(matchRow(index, row, i + 1, top))}\n`);
      });
    });
}

export function matchRow(
  index: MatchIndex,
  row: Readonly<Record<string, string>>,
  n: number,
  top: number,
): MatchLine {
  const candidates = index.search(
    yenteQuery(row, (v) => countryCode(v)),
    { limit: top },
  );
  const alert = candidates.some((c) => classify(c, policyFor(c.listId)) !== 'NONE');
  return {
    row: n,
    alert,
    candidates: candidates.map((c) => ({
      listId: c.listId,
      entryId: c.entryId,
      name: c.name,
      score: Number(c.score.toFixed(SCORE_DECIMALS)),
      explanation: c.explanation,
    })),
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function readWatchlist(path: string): Promise<WatchlistEntry[]> {
  try {
    const result = await readListFile(path);
    if (result.kind !== 'watchlist') {
      throw new CliError(
        'NOT_A_WATCHLIST',
        `${path} holds ${result.kind}, not watchlist entries`,
        EXIT.UNREADABLE,
      );
    }
    return result.entries;
  } catch (err) {
    if (err instanceof ListReadError) throw new CliError(err.code, err.message, EXIT.UNREADABLE);
    throw err;
  }
}

async function readQueries(path: string): Promise<Record<string, string>[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliError('UNREADABLE_FILE', `cannot read ${path}`);
  }
  let rows: Record<string, string>[];
  try {
    rows = parseCsvRecords(text);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    throw new CliError('BAD_QUERIES', `${path}: ${err.message}`, EXIT.UNREADABLE);
  }
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  if (!header.includes('full_name') && !(header.includes('first_name') && header.includes('last_name'))) {
    throw new CliError('BAD_QUERIES', `queries need columns ${YENTE_COLUMNS.join(',')}`, EXIT.UNREADABLE);
  }
  return rows;
}
