import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';

import { ListEntry, type ListVersion } from '@paxscreen/contracts';
import { LIST_FORMATS, ListReadError, readListFile } from '@paxscreen/lists';
import { isRuleFileName, isRuleSetFile, parseRuleSet, RuleError, ruleFileFormat } from '@paxscreen/rules';
import { applyListResult, applyRuleSet, offlineListVersion, ScreeningState } from '@paxscreen/screening';

import { CliError, EXIT, unreadableFile } from '../cli-error';
import type { ListSource } from './bundled-sample';

/** What an option asks a file to hold; `any` takes whatever the file turns out to be. */
export type Expected = ListVersion.ListKind | 'any';

export interface LoadRequest extends ListSource {
  expect: Expected;
}

/** One list as loaded, for the summary. */
export interface LoadedList {
  path: string;
  listId: string;
  kind: ListVersion.ListKind;
  format: string;
  version: string;
  entries: number;
  /** Findings of severity error (rows that gave no entry). */
  errors: number;
  ms: number;
}

const KIND_WORDS: Record<ListVersion.ListKind, string> = {
  watchlist: 'watchlist entries',
  documents: 'lost/stolen documents',
  enrolments: 'enrolments',
  rules: 'rules',
};

/**
 * `--list NATIONAL=path` names the list; a plain path keeps the id the format implies (UN, OFAC-SDN…,
 * or the file name). A path that exists is always a path, even with `=` in it.
 */
export async function parseListArgument(arg: string, expect: Expected): Promise<LoadRequest> {
  const at = arg.indexOf('=');
  if (at > 0 && ListEntry.LIST_ID_PATTERN.test(arg.slice(0, at))) {
    const exists = await stat(arg).then(
      () => true,
      () => false,
    );
    if (!exists) return { listId: arg.slice(0, at), path: arg.slice(at + 1), expect };
  }
  return { path: arg, expect };
}

/**
 * Builds the ScreeningState from files, through the loader the screening service shares
 * (`applyListResult` / `applyRuleSet`), each list versioned by its content. Fails on the first
 * file that cannot be read: screening against a list that silently failed to load would mislead.
 */
export async function loadScreeningState(
  requests: LoadRequest[],
  onLoading: (path: string) => void = () => undefined,
): Promise<{ state: ScreeningState; lists: LoadedList[] }> {
  const state = new ScreeningState();
  const lists: LoadedList[] = [];
  const owners = new Map<string, string>();
  for (const request of requests) {
    onLoading(request.path);
    const started = performance.now();
    const loaded = await loadOne(state, request, (listId) => {
      const owner = owners.get(listId);
      if (owner !== undefined) {
        throw new CliError(
          'DUPLICATE_LIST_ID',
          `${request.path} and ${owner} are both list ${listId}; name one with ID=path`,
          EXIT.USAGE,
        );
      }
      owners.set(listId, request.path);
    });
    lists.push({ ...loaded, path: request.path, ms: performance.now() - started });
  }
  return { state, lists };
}

type Loaded = Omit<LoadedList, 'path' | 'ms'>;

async function loadOne(
  state: ScreeningState,
  request: LoadRequest,
  claim: (listId: string) => void,
): Promise<Loaded> {
  if (request.listId !== undefined && !ListEntry.LIST_ID_PATTERN.test(request.listId)) {
    throw new CliError('INVALID_LIST_ID', ListEntry.LIST_ID_RULE, EXIT.USAGE);
  }
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(request.path)).isDirectory();
  } catch (err) {
    throw unreadableFile(request.path, err);
  }
  if (!isDirectory && (request.expect === 'rules' || request.expect === 'any')) {
    const bytes = await readFile(request.path).catch((err: unknown) => {
      throw unreadableFile(request.path, err);
    });
    if (request.expect === 'rules' && !isRuleFileName(request.path)) {
      throw new CliError(
        'NOT_A_RULE_SET',
        `${request.path} is not a rule file (YAML or JSON, see docs/rules.md)`,
      );
    }
    if (request.expect === 'rules' || isRuleSetFile(basename(request.path), bytes))
      return loadRules(state, request, bytes, claim);
  }
  if (request.expect === 'rules')
    throw new CliError('NOT_A_RULE_SET', `${request.path} is a directory, not a rule file`);

  let result;
  try {
    result = await readListFile(request.path, { listId: request.listId });
  } catch (err) {
    if (err instanceof ListReadError) throw listReadFailure(err, request.path);
    throw err;
  }
  if (request.expect !== 'any' && result.kind !== request.expect) {
    throw new CliError(
      'WRONG_LIST_KIND',
      `${request.path} holds ${KIND_WORDS[result.kind]} (${result.format}), not ${KIND_WORDS[request.expect]}`,
    );
  }
  claim(result.listId);
  const version = offlineListVersion(result.digest);
  applyListResult(state, result, version);
  return {
    listId: result.listId,
    kind: result.kind,
    format: result.format,
    version,
    entries: result.entries.length,
    errors: result.findings.filter((f) => f.severity === 'error').length,
  };
}

function loadRules(
  state: ScreeningState,
  request: LoadRequest,
  bytes: Buffer,
  claim: (listId: string) => void,
): Loaded {
  const format = ruleFileFormat(request.path);
  let set;
  try {
    set = parseRuleSet(bytes.toString('utf8'), format);
  } catch (err) {
    if (err instanceof RuleError) throw new CliError(`RULES_${err.code}`, `${request.path}: ${err.message}`);
    throw err;
  }
  const listId = request.listId ?? set.id;
  claim(listId);
  const version = offlineListVersion(createHash('sha256').update(bytes).digest('hex'));
  applyRuleSet(state, set, version, listId);
  return {
    listId,
    kind: 'rules',
    format: `RULES_${format.toUpperCase()}`,
    version,
    entries: set.rules.length,
    errors: 0,
  };
}

/** A list that cannot be read, as a CLI error; an unknown format gets the formats that are known. */
export function listReadFailure(err: ListReadError, path?: string): CliError {
  const hint =
    err.code === 'UNKNOWN_FORMAT'
      ? ` (known formats: ${LIST_FORMATS.join(', ')}; see docs/list-formats.md)`
      : '';
  return new CliError(err.code, `${path ? `${path}: ` : ''}${err.message}${hint}`, EXIT.UNREADABLE);
}
