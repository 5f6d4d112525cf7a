import { Topic } from '../../topics';
import { decodeEvent } from '../../validate';
import type { ListKind } from '../list-version/value';
import { DocumentValue, EnrolmentValue, RuleValue, WatchlistValue } from './value';

/** The compacted topic that holds each kind of list's entries (keyed by `listEntryKey`). */
export const ENTRY_TOPICS: Readonly<Record<ListKind, Topic>> = {
  watchlist: Topic.Watchlist,
  documents: Topic.Documents,
  enrolments: Topic.Enrolments,
  rules: Topic.Rules,
};

/** The kind of list whose entries a topic holds; undefined for any other topic. */
export function kindOfTopic(topic: Topic): ListKind | undefined {
  return (Object.keys(ENTRY_TOPICS) as ListKind[]).find((k) => ENTRY_TOPICS[k] === topic);
}

/**
 * A list-entry record read from its kind's topic, decoded and validated as that topic's contract
 * (ContractViolation otherwise): the entry (a rule for rule sets) and the list version it belongs to.
 */
export function decodeEntry(kind: ListKind, bytes: Buffer | string): { entry: object; listVersion: string } {
  switch (kind) {
    case 'watchlist':
      return decodeEvent(WatchlistValue, bytes);
    case 'documents':
      return decodeEvent(DocumentValue, bytes);
    case 'enrolments':
      return decodeEvent(EnrolmentValue, bytes);
    case 'rules': {
      const { rule, listVersion } = decodeEvent(RuleValue, bytes);
      return { entry: rule, listVersion };
    }
  }
}
