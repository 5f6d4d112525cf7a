import type { Enrolment, ListVersion, LostStolenDocument, WatchlistEntry } from '@paxscreen/contracts';
import type { ListReadResult } from '@paxscreen/lists';
import { type RuleSet, validateRule } from '@paxscreen/rules';

import type { ScreeningState } from './screening-state';

// How list data enters a ScreeningState, for both hosts: the screening service applies the records
// of the compacted list topics one by one, the offline CLI applies whole files it has read. Both go
// through `applyListRecord`, so an entry means the same thing whichever way it arrived. Invariant:
// neither host changes a ScreeningState's lists any other way.

/** Characters of the content digest kept in an offline list version (48 bits: collisions are not a concern). */
const OFFLINE_VERSION_HEX = 12;

/**
 * Applies one list record: an entry (or rule) of a list, or its removal (`value` null). Rules are
 * validated here, as they arrive as plain objects; a rule record may carry its `entryId` (the
 * watchlist service publishes rules with one), which is not part of the rule.
 */
export function applyListRecord(
  state: ScreeningState,
  kind: ListVersion.ListKind,
  listId: string,
  entryId: string,
  value: object | null,
  version?: string,
): void {
  switch (kind) {
    case 'watchlist':
      return state.applyWatchlist(listId, entryId, value as WatchlistEntry | null, version);
    case 'documents':
      return state.applyDocument(listId, entryId, value as LostStolenDocument | null, version);
    case 'enrolments':
      return state.applyEnrolment(listId, entryId, value as Enrolment | null, version);
    case 'rules': {
      if (!value) return state.applyRule(listId, entryId, null, version);
      const { entryId: _notPartOfTheRule, ...rule } = value as Record<string, unknown>;
      return state.applyRule(listId, entryId, validateRule(rule), version);
    }
  }
}

/**
 * Applies a whole list as read by `libs/lists` (every entry, then the list's version). Entries
 * repeating an id replace the earlier one, as the watchlist service's diff does (the last one wins).
 */
export function applyListResult(state: ScreeningState, result: ListReadResult, version: string): void {
  for (const entry of result.entries)
    applyListRecord(state, result.kind, result.listId, entry.entryId, entry, version);
  state.setListVersion(result.listId, version);
}

/** Applies a rule set (every rule, keyed by its id, then the set's version) under `listId` (default: the set's id). */
export function applyRuleSet(
  state: ScreeningState,
  set: RuleSet,
  version: string,
  listId: string = set.id,
): void {
  for (const rule of set.rules) applyListRecord(state, 'rules', listId, rule.id, rule, version);
  state.setListVersion(listId, version);
}

/**
 * The version of a list loaded from files with no watchlist service to number it: the start of the
 * content's SHA-256 (hex), so the same file always gives the same version (`sha256-1a2b3c4d5e6f`).
 */
export function offlineListVersion(sha256Hex: string): string {
  if (!/^[0-9a-f]{64}$/i.test(sha256Hex)) throw new Error('expected a SHA-256 digest in hex');
  return `sha256-${sha256Hex.slice(0, OFFLINE_VERSION_HEX).toLowerCase()}`;
}
