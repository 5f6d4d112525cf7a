import {
  canonicalDocumentNumber,
  type Disposition,
  documentKey,
  type Enrolment,
  type LostStolenDocument,
  type WatchlistEntry,
} from '@paxscreen/contracts';
import { MatchIndex } from '@paxscreen/matching';
import { compileRules, CompiledRuleSet, FlaggedCoTravellers, Rule } from '@paxscreen/rules';

import { DispositionMemory } from './disposition-memory';

/**
 * Everything a traveller is screened against, kept current entry by entry (the screening service
 * applies compacted-topic records; the CLI loads files). Removal is by `listId` + `entryId`.
 */
export class ScreeningState {
  readonly watchlists = new MatchIndex();
  private readonly lostStolen = new Map<string, Map<string, LostStolenDocument>>();
  /** Lost/stolen entries by bare number, for documents reported without an issuer. */
  private readonly lostStolenByNumber = new Map<string, Set<string>>();
  private readonly enrolments = new Map<string, Map<string, Enrolment>>();
  private readonly entryKeys = new Map<string, string>();
  readonly rules: CompiledRuleSet = compileRules([]);
  /** Link keys of travellers a match referred or stopped, per flight (the `coTravellers.flaggedLinks` fact). */
  readonly coTravellers = new FlaggedCoTravellers();
  /** Analysts' remembered FALSE_POSITIVE verdicts (casework), applied by `applyDisposition`. */
  readonly dispositions = new DispositionMemory();
  private readonly versions = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  /** Bumped on every change: re-vetting and caches key on it. */
  revision = 0;

  /** List id → version of every list applied so far (recorded on each decision). */
  listVersions(): Record<string, string> {
    return Object.fromEntries(this.versions);
  }

  /** A list's version record (after its entries): removals carry no version of their own. */
  setListVersion(listId: string, version: string): void {
    if (this.versions.get(listId) === version) return;
    this.versions.set(listId, version);
    this.revision++;
  }

  entryCount(listId: string): number {
    return this.counts.get(listId) ?? 0;
  }

  private touch(listId: string, version: string | undefined, delta: number): void {
    if (version) this.versions.set(listId, version);
    this.counts.set(listId, Math.max(0, (this.counts.get(listId) ?? 0) + delta));
    this.revision++;
  }

  applyWatchlist(listId: string, entryId: string, entry: WatchlistEntry | null, version?: string): void {
    const had = this.entryKeys.has(`W|${listId}|${entryId}`);
    this.watchlists.remove(listId, entryId);
    if (entry) {
      this.watchlists.add(entry, version);
      this.entryKeys.set(`W|${listId}|${entryId}`, '');
    } else this.entryKeys.delete(`W|${listId}|${entryId}`);
    this.touch(listId, version, (entry ? 1 : 0) - (had ? 1 : 0));
  }

  applyDocument(listId: string, entryId: string, doc: LostStolenDocument | null, version?: string): void {
    const id = `D|${listId}|${entryId}`;
    const previous = this.entryKeys.get(id);
    if (previous !== undefined) {
      this.lostStolen.get(previous)?.delete(id);
      this.lostStolenByNumber.get(previous.split(':')[1])?.delete(previous);
    }
    if (doc) {
      const key = documentKey(doc.issuer, doc.number);
      if (!this.lostStolen.has(key)) this.lostStolen.set(key, new Map());
      this.lostStolen.get(key)!.set(id, doc);
      const bare = canonicalDocumentNumber(doc.number);
      if (!this.lostStolenByNumber.has(bare)) this.lostStolenByNumber.set(bare, new Set());
      this.lostStolenByNumber.get(bare)!.add(key);
      this.entryKeys.set(id, key);
    } else this.entryKeys.delete(id);
    this.touch(listId, version, (doc ? 1 : 0) - (previous !== undefined ? 1 : 0));
  }

  applyEnrolment(listId: string, entryId: string, enrolment: Enrolment | null, version?: string): void {
    const id = `E|${listId}|${entryId}`;
    const previous = this.entryKeys.get(id);
    if (previous !== undefined) this.enrolments.get(previous)?.delete(id);
    if (enrolment) {
      const key = documentKey(enrolment.documentIssuer, enrolment.documentNumber);
      if (!this.enrolments.has(key)) this.enrolments.set(key, new Map());
      this.enrolments.get(key)!.set(id, enrolment);
      this.entryKeys.set(id, key);
    } else this.entryKeys.delete(id);
    this.touch(listId, version, (enrolment ? 1 : 0) - (previous !== undefined ? 1 : 0));
  }

  applyRule(listId: string, ruleId: string, rule: Rule | null, version?: string): void {
    const had = this.rules.has(ruleId, listId);
    if (rule) this.rules.upsert(rule, { listId, listVersion: version });
    else this.rules.remove(ruleId, listId);
    this.touch(listId, version, (rule ? 1 : 0) - (had ? 1 : 0));
  }

  /** One dispositions-topic record (key `identityKey:listId:entryId`; null = withdrawn). */
  applyDisposition(key: string, value: Disposition.Value | null): void {
    this.dispositions.apply(key, value);
    this.revision++;
  }

  lostStolenFor(issuer: string | undefined, number: string): LostStolenDocument[] {
    return [...(this.lostStolen.get(documentKey(issuer, number))?.values() ?? [])];
  }

  /** Issuers under which this bare number is reported lost/stolen. */
  lostStolenIssuers(number: string): string[] {
    return [...(this.lostStolenByNumber.get(canonicalDocumentNumber(number)) ?? [])].map(
      (k) => k.split(':')[0],
    );
  }

  enrolmentsFor(issuer: string | undefined, number: string): Enrolment[] {
    return [...(this.enrolments.get(documentKey(issuer, number))?.values() ?? [])];
  }
}
