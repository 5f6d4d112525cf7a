import {
  canonicalDocumentNumber,
  type EntryKind,
  type ListedName,
  type WatchlistEntry,
} from '@paxscreen/contracts';

import { MatchAlgorithm, maxQualifierGain, runFeatures } from '../algorithms/algorithm';
import { DEFAULT_ALGORITHM } from '../algorithms/registry';
import { explain } from '../explain';
import { listedFactsOf } from '../listed-facts';
import { alignmentBound } from '../features/alignment-bound';
import { placeTokens } from '../features/identity.feature';
import { AlignmentOptions, alignTokens, mergedSimilarity, NameComparison } from '../features/name-alignment';
import { withinOneEdit, withinTwoEdits } from '../features/edit-distance';
import { ComparableToken, comparable, tokenSimilarity } from '../features/token-similarity';
import { EntryFacts, MatchCandidate, MatchKind, MatchQuery, SearchOptions } from '../model';
import { BoundedCache } from '../normalize/bounded-cache';
import { normalizeName } from '../normalize/pipeline';
import { personSymbolSpellings } from '../normalize/roles.step';
import type { NameToken } from '../normalize/token';
import { bitCount, FoundNames, MANY_PARTS, nameOf, partsOf, posting } from './found-names';
import { growInt32, growUint8, StampedInts } from './grow';
import { PairMemo } from './pair-memo';
import { Expansion, LookupLimits, MIN_EDIT_LENGTH, MIN_TWO_EDIT_LENGTH, Vocabulary } from './vocabulary';

/** How candidates are found (the scorer never sees a name these paths do not reach). */
export const LOOKUP_LIMITS: LookupLimits = {
  maxExpansions: 16,
  maxBucket: 20000,
  minCreatingSimilarity: 0.75,
  minGramShare: 0.4,
  containedSimilarity: 0.75,
  minContainedLength: 4,
  maxExactHoldersForEdits: 8,
  lengthCredit: -0.01,
  typoGuarantee: true,
  closeUnreachable: true,
};
/** Removed names are purged from postings once they outnumber this share of all names. */
const COMPACT_DEAD_SHARE = 0.25;
const COMPACT_MIN_DEAD = 1024;
const DEFAULT_LIMIT = 5;
/** Connectives the role step leaves as name parts (particles and `sym:` spellings are known by role and group). */
const CONNECTIVE_PARTS = new Set(['abd', 'ad', 'ud', 'ur', 'din', 'deen']);
/** Query tokens whose coverage candidate credit counts (bits of an int). */
const MAX_COVERED = 30;
/**
 * What reading a found name's tokens costs, in postings walked (a posting asks one bit from the core's cache; a
 * name's tokens are read from memory): expansions that find no name take the cheaper way.
 */
const NAME_TOKENS_READ = 32;
/** Whether look-ups left can find a name is asked before a walk of postings at least this share of the names found. */
const CLOSE_CHECK_SHARE = 0.25;
/** Credits are summed in float32: a margin so a name is never ruled out by rounding. */
const CREDIT_SLACK = 1e-3;
/** Query tokens whose similar vocabulary tokens are remembered (the least recently used forgotten first). */
const MEMO_SIZE = 20000;

interface EntryRecord {
  listId: string;
  entryId: string;
  listVersion?: string;
  facts: EntryFacts;
  /** The entry's list sections (`programs`), shared between entries with the same ones. */
  programs?: readonly string[];
  nameIds: number[];
}

const EMPTY: readonly never[] = Object.freeze([]);
/** Stands for a name whose alignment bound ruled it out (it ranks below every reachable name). */
const UNREACHABLE: NameComparison = {
  score: -Number.MAX_VALUE,
  pairs: [],
  unmatchedQuery: [],
  unmatchedCandidate: [],
};
/** Which listed kinds a query kind meets: a passenger is never a vessel. */
const MEETS: Readonly<Record<MatchKind, readonly EntryKind[]>> = {
  PERSON: ['PERSON', 'UNKNOWN'],
  ENTITY: ['ENTITY', 'VESSEL', 'AIRCRAFT', 'UNKNOWN'],
};
/** One bit per query kind; a name's mask holds the bits of the query kinds that meet it (0 once removed). */
const MEETS_BIT: Readonly<Record<MatchKind, number>> = { PERSON: 1, ENTITY: 2 };

function meetMask(kind: EntryKind): number {
  let mask = 0;
  for (const k of ['PERSON', 'ENTITY'] as const) if (MEETS[k].includes(kind)) mask |= MEETS_BIT[k];
  return mask;
}

function listedFull(n: ListedName): string {
  if (n.full && n.full.trim().length > 0) return n.full;
  return [n.givenNames, n.surname].filter(Boolean).join(' ');
}

/** The query's name as sent, one string (what `queryTokens` normalises). */
function queryName(query: MatchQuery): string {
  return query.fullName?.trim() || [query.givenNames, query.surname].filter(Boolean).join(' ');
}

function factsOf(entry: WatchlistEntry): EntryFacts {
  return {
    kind: entry.kind,
    datesOfBirth: entry.datesOfBirth.length > 0 ? entry.datesOfBirth.map((d) => ({ ...d })) : EMPTY,
    nationalities:
      entry.nationalities.length > 0 ? [...new Set(entry.nationalities.map((n) => n.toUpperCase()))] : EMPTY,
    gender: entry.gender,
    documents:
      entry.documents.length > 0
        ? entry.documents.map((d) => ({ number: canonicalDocumentNumber(d.number), issuer: d.issuer }))
        : EMPTY,
    placesOfBirth: entry.placesOfBirth.length > 0 ? entry.placesOfBirth.map(placeTokens) : EMPTY,
  };
}

/**
 * An in-memory, incrementally maintained name index over watchlist entries. Candidates come from an
 * inverted index (exact tokens, consonant skeletons, trigrams, rarity weights); only the best
 * `candidatesPerQuery` names are scored in full, so a query never scans the list.
 */
export class MatchIndex {
  private readonly vocab = new Vocabulary();
  private readonly entries = new Map<string, number>();
  private readonly records: (EntryRecord | undefined)[] = [];
  // Per-name columns (struct of arrays keeps a million names small).
  private nameEntry = new Int32Array(0);
  private nameStart = new Int32Array(0);
  private nameLength = new Uint8Array(0);
  private nameMask = new Uint8Array(0);
  private nameText: string[] = [];
  private tokenPool = new Int32Array(0);
  private poolSize = 0;
  private names = 0;
  private deadNames = 0;
  /** Per-query scratch: the names the current query's look-ups found, and their credit. */
  private readonly found = new FoundNames();
  /**
   * Per-query scratch over the vocabulary: in `typoNames`, token → the query tokens spelling it (bits); in
   * `candidates`, for a lookup's expansions that find no name (particles, weak ones), token → its place.
   */
  private readonly byToken = new StampedInts();
  private heap = new Int32Array(0);
  /** Per-query scratch: a name's credit when first found, by its number of parts. */
  private readonly startCredit = new Float64Array(256);
  private topIds = new Int32Array(0);
  private readonly memo = new BoundedCache<Expansion[]>(MEMO_SIZE);
  /** Distinct `programs` sets (a list has a handful), so a million entries share a few arrays. */
  private readonly programSets = new Map<string, readonly string[]>();
  private readonly pairMemo = new PairMemo();
  /**
   * Names holding a vocabulary token more than once (`AHMED, Ahmed`), by token: postings list a name once,
   * and these answer a second query part spelling the token (few names repeat a part).
   */
  private repeats = new Map<number, number[]>();
  private memoVersion = -1;
  /**
   * The last name normalised, with its kind and tokens: screening asks `searchKey` (the match cache) and
   * then `search` for the same traveller, and normalisation is pure (the tokens are only read).
   */
  private lastName = '';
  private lastKind: MatchKind | undefined;
  private lastTokens: readonly NameToken[] = EMPTY;
  /** Counts vocabulary tokens gaining their first live name or losing their last one. */
  private liveTokensChanged = 0;
  private changes = 0;

  constructor(private readonly algorithm: MatchAlgorithm = DEFAULT_ALGORITHM) {}

  /**
   * Bumped by every `add` and `remove`: search results are a function of the query (`searchKey`) and
   * this generation, so a cache of them keyed on both is never stale.
   */
  get generation(): number {
    return this.changes;
  }

  /** Live entries. */
  get size(): number {
    return this.entries.size;
  }

  /** Live indexed names (primary names and aliases). */
  get nameCount(): number {
    return this.names - this.deadNames;
  }

  /** Adds an entry, replacing the one with the same `listId` + `entryId` if present. */
  add(entry: WatchlistEntry, listVersion?: string): void {
    const key = `${entry.listId}:${entry.entryId}`;
    this.changes++;
    if (this.entries.has(key)) this.remove(entry.listId, entry.entryId);
    const kind: MatchKind = entry.kind === 'PERSON' || entry.kind === 'UNKNOWN' ? 'PERSON' : 'ENTITY';
    const record: EntryRecord = {
      listId: entry.listId,
      entryId: entry.entryId,
      listVersion,
      facts: factsOf(entry),
      programs: this.programsOf(entry.programs),
      nameIds: [],
    };
    const recordId = this.records.length;
    const seenNames = new Set<string>();
    for (const n of entry.names) {
      const full = listedFull(n);
      const normalized = normalizeName(full, kind);
      if (normalized.tokens.length === 0) continue;
      const ids = normalized.tokens.map((t) => this.vocab.idOf(t));
      const signature = ids.join(',');
      if (seenNames.has(signature)) continue;
      seenNames.add(signature);
      record.nameIds.push(this.addName(recordId, ids, full, meetMask(entry.kind)));
    }
    this.records.push(record);
    this.entries.set(key, recordId);
  }

  private programsOf(programs: readonly string[] | undefined): readonly string[] | undefined {
    if (!programs || programs.length === 0) return undefined;
    const key = programs.join('\u0000');
    let shared = this.programSets.get(key);
    if (!shared) {
      shared = Object.freeze([...programs]);
      this.programSets.set(key, shared);
    }
    return shared;
  }

  /** Removes an entry (a tombstone on the compacted topic). Unknown keys are ignored. */
  remove(listId: string, entryId: string): void {
    const key = `${listId}:${entryId}`;
    const recordId = this.entries.get(key);
    if (recordId === undefined) return;
    this.changes++;
    const record = this.records[recordId];
    this.entries.delete(key);
    this.records[recordId] = undefined;
    if (!record) return;
    for (const nameId of record.nameIds) {
      for (const tokenId of this.uniqueTokens(nameId)) {
        if (--this.vocab.df[tokenId] === 0) this.liveTokensChanged++;
      }
      this.nameEntry[nameId] = -1;
      this.nameMask[nameId] = 0;
      this.deadNames++;
    }
    if (this.deadNames >= COMPACT_MIN_DEAD && this.deadNames > this.names * COMPACT_DEAD_SHARE)
      this.compact();
  }

  /**
   * Everything `search` reads of a query and its options, as one string: the normalised name tokens
   * (not the name as sent), the qualifiers as sent (explanations quote them), the kind, the limit
   * and the floor. Two queries with the same key get the same candidates from the same
   * `generation`. Holds personal data: hash it before keeping it anywhere, never log it.
   */
  searchKey(query: MatchQuery, options: SearchOptions = {}): string {
    const kind: MatchKind = query.kind ?? 'PERSON';
    const tokens = this.queryTokens(query, kind).map((t) => [
      t.text,
      t.role,
      t.key,
      t.vowelPoor,
      t.native ?? null,
      t.groups ?? null,
    ]);
    return JSON.stringify([
      kind,
      tokens,
      query.dateOfBirth ?? null,
      query.dateOfBirthTwoDigitYear ?? null,
      query.nationality ?? null,
      query.gender ?? null,
      query.documents?.map((d) => [d.number, d.issuer ?? null]) ?? null,
      query.placeOfBirth ?? null,
      options.limit ?? DEFAULT_LIMIT,
      options.ties ?? false,
      options.minScore ?? this.algorithm.minScore,
      this.algorithm.name,
    ]);
  }

  /** Best candidates for a query, best first. */
  search(query: MatchQuery, options: SearchOptions = {}): MatchCandidate[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const minScore = options.minScore ?? this.algorithm.minScore;
    const kind: MatchKind = query.kind ?? 'PERSON';
    const q = this.queryTokens(query, kind).map(comparable);
    if (q.length === 0 || this.names === 0) return [];

    const top = this.candidates(q, kind);
    // Names one typo from the query are scored and returned whatever their rank (the one-edit guarantee);
    // most are among the candidates already.
    const typoNames = this.typoNames(q, kind);
    const typos = typoNames.filter((nameId) => !top.includes(nameId));
    const guaranteed = new Set<number>();
    for (const nameId of typoNames) guaranteed.add(this.nameEntry[nameId]);
    const cfg = this.algorithm.alignment;
    // Token pairs recur across candidates (every Muhammad on the list meets the query's Mohammed).
    // Memo positions: one per query token, then one per run of query tokens a merge may join.
    const memo = this.pairMemo;
    const maxSpan = cfg.maxMergeSpan;
    memo.begin(q.length * (1 + (maxSpan + 1) * 2), this.vocab.size);
    const tokenPool = this.tokenPool;
    let start = 0;
    let c: ComparableToken[] = [];
    const pairSimilarity = (i: number, j: number): number => {
      const tokenId = tokenPool[start + j];
      const cached = memo.get(tokenId, i);
      if (cached >= 0) return cached;
      return memo.set(tokenId, i, tokenSimilarity(q[i], c[j], cfg));
    };
    const mergeSimilarity = (i: number, span: number, reversed: boolean, j: number): number => {
      const position = q.length + (i * (maxSpan + 1) + span) * 2 + (reversed ? 1 : 0);
      const tokenId = tokenPool[start + j];
      const cached = memo.get(tokenId, position);
      if (cached >= 0) return cached;
      return memo.set(tokenId, position, mergedSimilarity(q, i, span, reversed, c[j], cfg));
    };
    // Made once per query: every candidate's alignment reuses the memoised similarities.
    const ranking: AlignmentOptions = { pairSimilarity, mergeSimilarity, detail: false };
    const explaining: AlignmentOptions = { pairSimilarity, mergeSimilarity, detail: true };
    const align = (nameId: number, detail: boolean): NameComparison => {
      start = this.nameStart[nameId];
      c = this.nameTokens(nameId);
      return alignTokens(q, c, cfg, detail ? explaining : ranking);
    };
    // Qualifiers can add at most `gain`: a name whose alignment cannot reach `minScore − gain` is never returned.
    const gain = maxQualifierGain(this.algorithm, query);
    const floor = minScore - gain;
    const best = new Map<number, { nameId: number; name: NameComparison }>();
    for (let k = 0; k < top.length + typos.length; k++) {
      const nameId = k < top.length ? top[k] : typos[k - top.length];
      const recordId = this.nameEntry[nameId];
      start = this.nameStart[nameId];
      c = this.nameTokens(nameId);
      if (alignmentBound(q, c, cfg, pairSimilarity) < floor) {
        // Keeps the record's place in the ranking's tie order without aligning it.
        if (!best.has(recordId)) best.set(recordId, { nameId, name: UNREACHABLE });
        continue;
      }
      const name = alignTokens(q, c, cfg, ranking);
      const prev = best.get(recordId);
      if (!prev || name.score > prev.name.score) best.set(recordId, { nameId, name });
    }
    // Once a name cannot beat the limit-th final score, stop.
    const ranked = [...best].sort((a, b) => b[1].name.score - a[1].name.score);
    const out: MatchCandidate[] = [];
    /** The candidates of names one typo away (shown after the cut too). */
    const kept = new Set<MatchCandidate>();
    const finals: number[] = [];
    let guaranteedLeft = guaranteed.size;
    for (const [recordId, { nameId, name }] of ranked) {
      const bar = Math.max(minScore, finals.length >= limit ? finals[limit - 1] : -Infinity);
      const isGuaranteed = guaranteed.has(recordId);
      if (isGuaranteed) guaranteedLeft--;
      // A name one typo away is scored whatever the bar, unless it cannot reach `minScore` (nothing can then).
      if (name.score + gain < (isGuaranteed ? minScore : bar)) {
        if (guaranteedLeft === 0) break;
        continue;
      }
      const record = this.records[recordId];
      if (!record) continue;
      // The qualifiers on the ranking alignment first (it scores as the detailed one): most names scored fall
      // below `minScore` there, and are never aligned again for their explanation.
      if (runFeatures(this.algorithm, { query, facts: record.facts, name }).score < minScore) continue;
      const scored = runFeatures(this.algorithm, { query, facts: record.facts, name: align(nameId, true) });
      finals.push(scored.score);
      finals.sort((a, b) => b - a);
      const candidate: MatchCandidate = {
        listId: record.listId,
        entryId: record.entryId,
        ...(record.listVersion !== undefined ? { listVersion: record.listVersion } : {}),
        ...(record.programs ? { programs: record.programs } : {}),
        name: this.nameText[nameId],
        score: scored.score,
        features: scored.features,
        matchedFields: scored.matchedFields,
        explanation: explain(scored.features),
        listed: listedFactsOf(this.nameText[nameId], record.facts),
      };
      out.push(candidate);
      if (isGuaranteed) kept.add(candidate);
    }
    out.sort((a, b) => b.score - a.score || (b.features[0]?.score ?? 0) - (a.features[0]?.score ?? 0));
    // The best `limit` (with those tied with the last, if asked), then every name one typo away (scoring less).
    let cut = Math.min(limit, out.length);
    if (options.ties && limit > 0 && out.length > limit)
      while (cut < out.length && out[cut].score >= out[limit - 1].score) cut++;
    return kept.size === 0
      ? out.slice(0, cut)
      : [...out.slice(0, cut), ...out.slice(cut).filter((c) => kept.has(c))];
  }

  /** The query's name as `search` compares it (`searchKey` is made of the same tokens). */
  private queryTokens(query: MatchQuery, kind: MatchKind): readonly NameToken[] {
    const name = queryName(query);
    if (name !== this.lastName || kind !== this.lastKind) {
      this.lastTokens = normalizeName(name, kind).tokens;
      this.lastName = name;
      this.lastKind = kind;
    }
    return this.lastTokens;
  }

  /**
   * Names worth scoring: every query token's similar vocabulary tokens credit the names holding them with
   * similarity × rarity, the rarity capped at the best expansion's (each query token credits a name once,
   * with its best expansion), less a share of the mean for each listed part beyond the query's count and
   * for each query token that credits nothing in the name; the
   * `candidatesPerQuery` highest-credited names of a compatible kind win.
   */
  private candidates(q: readonly ComparableToken[], kind: MatchKind): Int32Array {
    const cfg = this.algorithm.alignment;
    const live = Math.max(1, this.nameCount);
    const lookups: ComparableToken[] = [...q];
    /** The query tokens each lookup covers, as bits (query tokens past the 30th are not counted). */
    const covers: number[] = q.map((_, i) => (i < MAX_COVERED ? 1 << i : 0));
    const joinedFrom: number[] = [];
    // Adjacent query tokens joined find names written as one word (Abdul Rahman ~ Abdulrahman).
    for (let i = 0; i + 1 < q.length; i++) {
      if (q[i].token.role === 'name' || q[i + 1].token.role === 'name') {
        lookups.push(
          comparable({ ...q[i].token, text: q[i].token.text + q[i + 1].token.text, key: '', role: 'name' }),
        );
        covers.push(covers[i] | covers[i + 1]);
        joinedFrom.push(i);
      }
    }
    const found = this.found;
    const nameLength = this.nameLength;
    const lengthCredit = LOOKUP_LIMITS.lengthCredit;
    const df = this.vocab.df;
    const postingLists = this.vocab.postings;
    const all = lookups.map((lookup) => this.expansions(lookup));
    const exact = exactlyHeld(all, covers, q.length);
    const repeatable = q.map((c) => repeatablePart(c.token));
    // A listed part the query does not cover costs what the scorer charges it (`extraCandidatePenalty` of a
    // part), priced at the mean credit of a query token: `KANSO, Ali Mohamed` must not take the place of
    // `Ali Mohammed` for ALI MOHAMED because it holds MOHAMED exactly (issue 18).
    // The most a lookup's expansions add to any name: its best expansion's (expansions come best first, and
    // none counts as rarer than the first a name holds).
    const most = lookups.map((lookup, l) => {
      const first = all[l].find((x) => df[x.id] > 0);
      return first
        ? first.similarity * cfg.roleWeights[lookup.token.role] * Math.log(1 + live / df[first.id])
        : 0;
    });
    let mean = 0;
    for (let l = 0; l < q.length; l++) mean += most[l] / q.length;
    const extraPartCredit = -cfg.extraCandidatePenalty * mean;
    // Likewise a query token that credits nothing in a name costs what the scorer charges a query part the
    // listed name lacks (`extraQueryPenalty`): names holding MOHAMED twice-credited (as itself and inside
    // ALIMOHAMED) but no ALI must not out-credit `Ali Mohammed` for ALI MOHAMED (issue 18). Charged up
    // front for every query token and given back as each is covered.
    const coveredCredit = cfg.extraQueryPenalty * mean;
    const uncovered = -coveredCredit * Math.min(q.length, MAX_COVERED);
    /** A name's credit when first found, by its number of parts. */
    const start = this.startCredit;
    for (let length = 0; length < start.length; length++)
      start[length] =
        uncovered + lengthCredit * length + (length > q.length ? extraPartCredit * (length - q.length) : 0);
    found.begin(this.names, coveredCredit, start);
    // Particles (VAN, AL, BIN, DE) credit names but find none: a million-name list holds VAN 19,015 times, and
    // a name sharing only particles with the query is no candidate. Particle look-ups come last, so they credit
    // every name the other parts found; a listed particle another part's expansion reaches (VEEN ~ VAN, DO ~ DE)
    // credits, as weak expansions do, the names found so far. Both read whichever is cheaper: the postings, or
    // the tokens of the names found (`NAME_TOKENS_READ`).
    const onlyParticles = q.every((t) => t.token.role === 'particle');
    const deferred = (l: number) => !onlyParticles && lookups[l].token.role === 'particle';
    /** The query tokens a lookup can cover (none when no listed name holds its expansions). */
    const reach = covers.map((bits, l) => (most[l] > 0 ? bits : 0));
    // Rarest first (the most credit first): once the names found hold `candidatesPerQuery` credits that no
    // name found later can reach, the common look-ups left (MARIE, LEE, JIN) only credit the names found.
    const priority = most.map((gain, l) => gain + coveredCredit * bitCount(reach[l]));
    const order = lookups
      .map((_, l) => l)
      .filter((l) => !deferred(l))
      .sort((a, b) => priority[b] - priority[a]);
    for (let l = 0; l < lookups.length; l++) if (deferred(l)) order.push(l);
    /** `after[i]`: the most the look-ups from the `i`-th in order on add to a name (a query token is covered once). */
    const after = new Float64Array(order.length + 1);
    for (let i = order.length - 1, gains = 0, covered = 0; i >= 0; i--) {
      gains += most[order[i]];
      covered |= reach[order[i]];
      after[i] = gains + coveredCredit * bitCount(covered);
    }
    /** The most a name holds before any look-up credits it (a one-part name, nothing covered). */
    const bare = uncovered + Math.max(lengthCredit, lengthCredit * 255);
    let closed = false;
    const vocabTokens = this.vocab.tokens;
    const held = this.byToken;
    const heldIds: number[] = [];
    const heldGain: number[] = [];
    const heldCovered: number[] = [];
    for (let i = 0; i < order.length; i++) {
      const l = order[i];
      const lookup = lookups[l];
      const roleWeight = cfg.roleWeights[lookup.token.role];
      // A name first found from here on holds at most `bare + after[i]`: below the credit the names found
      // already hold in `candidatesPerQuery` places, it could never be among the candidates. (Asking costs a
      // pass over the names found: only before a walk that costs more.)
      if (
        LOOKUP_LIMITS.closeUnreachable &&
        !closed &&
        !deferred(l) &&
        found.count >= this.algorithm.candidatesPerQuery &&
        postingsOf(all[l], postingLists) >= found.count * CLOSE_CHECK_SHARE
      )
        closed = bare + after[i] + CREDIT_SLACK < this.leastTopCredit(kind);
      const late = closed || deferred(l);
      let heldPostings = 0;
      held.reset(this.vocab.size);
      heldIds.length = 0;
      heldGain.length = 0;
      heldCovered.length = 0;
      const expansions = all[l];
      const joined = l >= q.length ? joinedFrom[l - q.length] : -1;
      // The two parts' own expansions, once per joined lookup (not scanned again for each expansion).
      const parts = joined < 0 ? undefined : [idsOf(all[joined]), idsOf(all[joined + 1])];
      // No expansion counts as rarer than the best one (what was written, when listed): a rare near-spelling
      // (ELI, 2 names) would outweigh the common spelling typed (ALI, 630) and crowd its names out (issue 18).
      let maxRarity = Infinity;
      for (let e = 0; e < expansions.length; e++) {
        const { id, similarity } = expansions[e];
        const holders = df[id];
        if (holders <= 0) continue;
        const rarity = Math.min(Math.log(1 + live / holders), maxRarity);
        if (maxRarity === Infinity) maxRarity = rarity;
        // A listed part another query token spells exactly answers that token, not this one (the scorer pairs
        // parts one to one): for ABBAS ABUZ, ABUZ's near-spelling ABBAS would credit every Abbas as if it held
        // both, and they crowd `ABBAS, Abu` out (issue 18). Only the first query token spelling it takes it,
        // and the others only in names holding it twice (`AHMED, Ahmed` for AHMEDU AHMED; for IBRAHIM SABAWI
        // IBRAHIM, `Ibrahim Sabawi Ibrahim` before 40 `X Sabawi Ibrahim`).
        // Particles and CJK syllables keep the plain rule (every query token spelling it takes it): `abdal
        // khaliq` holds AL once for ABO AL-KHALIQ AL-HUTHI, and 영미 미영 강 repeats syllables in another order.
        const claimedBy = l < q.length ? exact.get(id) : undefined;
        let postings: readonly number[] | undefined = postingLists[id];
        if (claimedBy !== undefined && (claimedBy & -claimedBy & covers[l]) === 0) {
          if (repeatable[l]) postings = this.repeats.get(id);
          else if ((claimedBy & covers[l]) === 0) continue;
        }
        if (!postings) continue;
        const gain = similarity * roleWeight * rarity;
        // Weak expansions only add to names already found: they would flood the list with near-misses.
        const creates =
          !late &&
          similarity >= LOOKUP_LIMITS.minCreatingSimilarity &&
          (onlyParticles || vocabTokens[id].token.role !== 'particle');
        // A joined lookup finding one of its parts inside it (MOHAMED in ALIMOHAMED) covers that part alone.
        const covered = parts ? partCover(parts, joined, id, covers) : covers[l];
        // Names holding it twice (`repeats`) are walked here; other expansions that find no name, after.
        if (!creates && postings === postingLists[id]) {
          if (held.has(id)) continue;
          held.set(id, heldIds.length);
          heldIds.push(id);
          heldGain.push(gain);
          heldCovered.push(covered);
          heldPostings += postings.length;
          continue;
        }
        found.walk(postings, l, gain, covered, creates, nameLength);
      }
      if (heldIds.length === 0) continue;
      // Each name found and not yet credited by this lookup takes the best of these expansions it holds.
      if (heldPostings < found.count * NAME_TOKENS_READ)
        for (let e = 0; e < heldIds.length; e++)
          found.creditFound(postingLists[heldIds[e]], l, heldGain[e], heldCovered[e]);
      else found.creditByTokens(l, held, heldGain, heldCovered, this.tokenPool, this.nameStart, nameLength);
    }
    const top = this.topNames(kind);
    found.end();
    return top;
  }

  /**
   * The one-edit guarantee (issue 18): every live name of a kind the query meets that holds the query's
   * tokens part for part, in any order, but one part within a typo (`isTypo`: one plain edit, two for a listed
   * part of MIN_TWO_EDIT_LENGTH+ letters), or all of them. Such a name holds all query tokens but one exactly,
   * so it is among the holders of one of the two query spellings fewest names hold (a spelling no name holds
   * is the typo); one-token names come from the spelling and its typo neighbours in the vocabulary.
   * Only names of as many tokens as the query: a name with more parts is not one typo away.
   * A typo can also cost a part its reading as one token: then two adjacent query tokens are that part
   * (`mayBeOnePart`, `joinedTypoNames`).
   */
  private typoNames(q: readonly ComparableToken[], kind: MatchKind): number[] {
    const n = q.length;
    if (!LOOKUP_LIMITS.typoGuarantee || n === 0 || n > MAX_COVERED) return [];
    const bit = MEETS_BIT[kind];
    const vocab = this.vocab;
    /** The names found, each once, in the order found. */
    const out = new Set<number>();
    if (n === 1) {
      const text = q[0].token.text;
      const typos = q[0].token.native === undefined ? vocab.typoNeighbours(text, LOOKUP_LIMITS) : [];
      for (const id of [...vocab.spelt(text), ...typos.filter((t) => isTypo(q[0], vocab.tokens[t]))])
        this.scanTypoNames(id, 1, bit, undefined, q, out);
      return [...out];
    }
    const { spelt, first, second } = this.spellings(q, -1);
    for (const id of first) this.scanTypoNames(id, n, bit, spelt, q, out);
    // The same spelling twice in the query: its holders are scanned already.
    if (second[0] !== first[0]) for (const id of second) this.scanTypoNames(id, n, bit, spelt, q, out);
    for (let i = 0; i + 1 < n; i++) {
      const joins = mayBeOnePart(q[i].token, q[i + 1].token);
      if (joins) this.joinedTypoNames(q, i, joins, bit, out);
    }
    return [...out];
  }

  /**
   * Marks which query tokens (all but the `skip`-th) spell each vocabulary token (`spelt`, bits; `byToken`
   * reset), and returns the two query spellings fewest names hold (`first` the fewest), with their vocabulary
   * tokens, and how many names hold the first.
   */
  private spellings(
    q: readonly ComparableToken[],
    skip: number,
  ): { spelt: StampedInts; first: number[]; firstHeld: number; second: number[] } {
    const vocab = this.vocab;
    const spelt = this.byToken;
    spelt.reset(vocab.size);
    let first: number[] = [];
    let second: number[] = [];
    let firstHeld = Infinity;
    let secondHeld = Infinity;
    for (let i = 0; i < q.length; i++) {
      if (i === skip) continue;
      const ids = vocab.spelt(q[i].token.text);
      let held = 0;
      for (const id of ids) {
        spelt.set(id, spelt.get(id, 0) | (1 << i));
        held += vocab.df[id];
      }
      if (held < firstHeld) {
        [second, secondHeld] = [first, firstHeld];
        [first, firstHeld] = [ids, held];
      } else if (held < secondHeld) [second, secondHeld] = [ids, held];
    }
    return { spelt, first, firstHeld, second };
  }

  /**
   * The one-edit guarantee for query tokens `i` and `i + 1` read as one part (`mayBeOnePart`): each live name
   * of as many tokens as the query less one holding the other query tokens exactly and, for the two, a listed
   * part their spellings joined are a typo of or spell (`isTypo`): for `joins` `compound`, only a symbol
   * (`abdal`, `ibnal`, `alhajj`: MBD AL-HAQ for ABD AL-HAQ). Costs, when the joined spelling is one typo from
   * a symbol's (`nearSymbol`, a few dozen spellings) or joins two initials, a walk of the vocabulary's
   * deletion index for it; names are scanned only when it meets a listed part, through that part's holders
   * or those of the rarest other query spelling, whichever are fewer.
   */
  private joinedTypoNames(
    q: readonly ComparableToken[],
    i: number,
    joins: OnePart,
    bit: number,
    out: Set<number>,
  ): void {
    const vocab = this.vocab;
    const a = q[i].token;
    const b = q[i + 1].token;
    const text = a.text + b.text;
    // Most name parts next to a particle are no symbol's typo (MOHAMMED AL): no walk for them.
    if (joins === 'compound' && !nearSymbol(text)) return;
    const joined = comparable({ text, role: 'name', key: '', vowelPoor: a.vowelPoor || b.vowelPoor });
    const parts: number[] = [];
    let held = 0;
    for (const id of [...vocab.spelt(text), ...vocab.typoNeighbours(text, LOOKUP_LIMITS)]) {
      const listed = vocab.tokens[id];
      if (vocab.df[id] === 0 || !isTypo(joined, listed)) continue;
      if (joins === 'compound' && !listed.token.groups?.some((g) => g.startsWith('sym:'))) continue;
      parts.push(id);
      held += vocab.df[id];
    }
    if (parts.length === 0) return;
    const variant = [...q.slice(0, i), joined, ...q.slice(i + 2)];
    const n = variant.length;
    if (n === 1) {
      for (const id of parts) this.scanTypoNames(id, 1, bit, undefined, variant, out);
      return;
    }
    // The joined part is the one left unpaired by spelling (`scanTypoNames`), and must be a typo of the other.
    const { spelt, first, firstHeld } = this.spellings(variant, i);
    for (const id of held <= firstHeld ? parts : first) this.scanTypoNames(id, n, bit, spelt, variant, out);
  }

  /**
   * Adds to `out` each live name of `n` tokens of a kind the query meets (`bit`) holding vocabulary token
   * `tokenId` whose tokens pair with the query's spelt alike (`spelt`: the query tokens spelling each), but at
   * most one of each, a typo of each other (`isTypo`); without `spelt`, every such name.
   */
  private scanTypoNames(
    tokenId: number,
    n: number,
    bit: number,
    spelt: StampedInts | undefined,
    q: readonly ComparableToken[],
    out: Set<number>,
  ): void {
    const postings = this.vocab.postings[tokenId];
    const nameLength = this.nameLength;
    const all = (1 << n) - 1;
    names: for (let p = 0; p < postings.length; p++) {
      // The posting tells the name's length, unless it has MANY_PARTS or more.
      const parts = partsOf(postings[p]);
      if (parts < MANY_PARTS ? parts !== n : n < MANY_PARTS) continue;
      const nameId = nameOf(postings[p]);
      if ((parts === MANY_PARTS && nameLength[nameId] !== n) || (this.nameMask[nameId] & bit) === 0) continue;
      if (spelt) {
        // Pairs the name's tokens with query tokens spelt alike; at most one of each left, a typo of each other.
        const start = this.nameStart[nameId];
        let used = 0;
        let other = -1;
        for (let k = 0; k < n; k++) {
          const id = this.tokenPool[start + k];
          const free = spelt.get(id, 0) & ~used;
          if (free !== 0) used |= free & -free;
          else if (other >= 0) continue names;
          else other = id;
        }
        if (other >= 0 && !isTypo(q[31 - Math.clz32(all & ~used)], this.vocab.tokens[other])) continue;
      }
      out.add(nameId);
    }
  }

  /**
   * Similar vocabulary tokens of a query token, memoised: travellers' names repeat (Mohammed, Maria), and the
   * answer only changes when a vocabulary token comes to life or dies, which empties the memo.
   */
  private expansions(lookup: ComparableToken): Expansion[] {
    if (this.memoVersion !== this.liveTokensChanged) {
      this.memo.clear();
      this.memoVersion = this.liveTokensChanged;
    }
    const key = `${lookup.token.role}\u0001${lookup.token.vowelPoor ? 1 : 0}\u0001${lookup.token.text}\u0001${lookup.token.native ?? ''}`;
    return (
      this.memo.get(key) ??
      this.memo.set(key, this.vocab.similar(lookup, this.algorithm.alignment, LOOKUP_LIMITS))
    );
  }

  /** The `candidatesPerQuery` best-credited live names of a kind the query meets (a min-heap by credit). */
  private topNames(kind: MatchKind): Int32Array {
    const size = this.fillHeap(kind);
    const top = this.topIds;
    for (let i = 0; i < size; i++) top[i] = this.found.names[this.heap[i]];
    return top.subarray(0, size);
  }

  /** The least credit among the `candidatesPerQuery` best so far (−∞ while fewer names are found). */
  private leastTopCredit(kind: MatchKind): number {
    const size = this.fillHeap(kind);
    return size < this.algorithm.candidatesPerQuery ? -Infinity : this.found.credit[this.heap[0]];
  }

  /** Heaps the best-credited of the names found (their positions among them); how many it holds. */
  private fillHeap(kind: MatchKind): number {
    const bit = MEETS_BIT[kind];
    const m = this.algorithm.candidatesPerQuery;
    if (this.heap.length < m) {
      this.heap = new Int32Array(m);
      this.topIds = new Int32Array(m);
    }
    // The heap holds positions among the names found (their credit is dense there).
    const heap = this.heap;
    const names = this.found.names;
    const credit = this.found.credit;
    const count = this.found.count;
    const mask = this.nameMask;
    let size = 0;
    for (let k = 0; k < count; k++) {
      // Once the heap is full, most names fall below its least credit: their kind is never read.
      if (size === m && !(credit[k] > credit[heap[0]])) continue;
      // Removed names linger in postings until compaction; their mask is 0.
      if ((mask[names[k]] & bit) === 0) continue;
      if (size < m) {
        heap[size] = k;
        siftUp(heap, size++, credit);
      } else {
        heap[0] = k;
        siftDown(heap, size, credit);
      }
    }
    return size;
  }

  private addName(recordId: number, tokenIds: number[], text: string, mask: number): number {
    const nameId = this.names++;
    this.ensureNameCapacity(this.names);
    this.tokenPool = growInt32(this.tokenPool, this.poolSize + tokenIds.length);
    this.nameStart[nameId] = this.poolSize;
    this.nameLength[nameId] = Math.min(tokenIds.length, 255);
    this.nameEntry[nameId] = recordId;
    this.nameMask[nameId] = mask;
    this.nameText[nameId] = text;
    for (let k = 0; k < this.nameLength[nameId]; k++) this.tokenPool[this.poolSize++] = tokenIds[k];
    for (const tokenId of this.post(nameId)) if (this.vocab.df[tokenId]++ === 0) this.liveTokensChanged++;
    return nameId;
  }

  /** Lists a name in the postings of its tokens (and `repeats` of those it holds twice); its distinct tokens. */
  private post(nameId: number): Set<number> {
    const seen = new Set<number>();
    const start = this.nameStart[nameId];
    for (let k = 0; k < this.nameLength[nameId]; k++) {
      const tokenId = this.tokenPool[start + k];
      if (!seen.has(tokenId)) {
        seen.add(tokenId);
        this.vocab.postings[tokenId].push(posting(nameId, this.nameLength[nameId]));
        continue;
      }
      const repeats = this.repeats.get(tokenId) ?? [];
      const listed = posting(nameId, this.nameLength[nameId]);
      if (repeats[repeats.length - 1] !== listed) repeats.push(listed);
      this.repeats.set(tokenId, repeats);
    }
    return seen;
  }

  private ensureNameCapacity(n: number): void {
    this.nameEntry = growInt32(this.nameEntry, n, -1);
    this.nameStart = growInt32(this.nameStart, n);
    this.nameLength = growUint8(this.nameLength, n);
    this.nameMask = growUint8(this.nameMask, n);
  }

  private uniqueTokens(nameId: number): Set<number> {
    const s = new Set<number>();
    const start = this.nameStart[nameId];
    for (let k = 0; k < this.nameLength[nameId]; k++) s.add(this.tokenPool[start + k]);
    return s;
  }

  private nameTokens(nameId: number): ComparableToken[] {
    const start = this.nameStart[nameId];
    const out: ComparableToken[] = [];
    for (let k = 0; k < this.nameLength[nameId]; k++) out.push(this.vocab.tokens[this.tokenPool[start + k]]);
    return out;
  }

  /** Rewrites the name columns without removed names and rebuilds the postings. */
  private compact(): void {
    const remap = new Int32Array(this.names).fill(-1);
    let next = 0;
    let pool = 0;
    const entry = new Int32Array(Math.max(16, this.names - this.deadNames));
    const start = new Int32Array(entry.length);
    const length = new Uint8Array(entry.length);
    const mask = new Uint8Array(entry.length);
    const text: string[] = [];
    const tokens = new Int32Array(Math.max(16, this.poolSize));
    for (let id = 0; id < this.names; id++) {
      if (this.nameEntry[id] < 0) continue;
      remap[id] = next;
      entry[next] = this.nameEntry[id];
      start[next] = pool;
      length[next] = this.nameLength[id];
      mask[next] = this.nameMask[id];
      text[next] = this.nameText[id];
      tokens.set(this.tokenPool.subarray(this.nameStart[id], this.nameStart[id] + this.nameLength[id]), pool);
      pool += this.nameLength[id];
      next++;
    }
    this.nameEntry = entry;
    this.nameStart = start;
    this.nameLength = length;
    this.nameMask = mask;
    this.nameText = text;
    this.tokenPool = tokens;
    this.poolSize = pool;
    this.names = next;
    this.deadNames = 0;
    for (const record of this.records) if (record) record.nameIds = record.nameIds.map((id) => remap[id]);
    this.vocab.postings = this.vocab.postings.map(() => []);
    this.repeats = new Map();
    for (let id = 0; id < this.names; id++) this.post(id);
  }
}

/**
 * A listed part one typo from a query part (the one-edit guarantee): one plain edit (delete, insert,
 * substitute, swap neighbours) of its spelling, two for a listed part of MIN_TWO_EDIT_LENGTH+ letters; never a
 * listed part under MIN_EDIT_LENGTH letters (one edit of AL or BIN is another word) nor a Han / Hangul / Kana
 * syllable on either side (a different character is a different name).
 */
function isTypo(query: ComparableToken, listed: ComparableToken): boolean {
  const a = query.token;
  const b = listed.token;
  return a.native === undefined && b.native === undefined && isTypoSpelling(a.text, b.text);
}

/** `isTypo` of two Latin spellings, the second listed. */
function isTypoSpelling(typed: string, listed: string): boolean {
  if (listed.length < MIN_EDIT_LENGTH) return false;
  return (
    withinOneEdit(typed, listed) || (listed.length >= MIN_TWO_EDIT_LENGTH && withinTwoEdits(typed, listed))
  );
}

/** Person-name symbol spellings (`personSymbolSpellings`) of MIN_EDIT_LENGTH+ letters, by length. */
let symbolsByLength: readonly (readonly string[])[] | undefined;

/** Whether `text` is a symbol's spelling or a typo of one (`isTypoSpelling`). */
function nearSymbol(text: string): boolean {
  if (!symbolsByLength) {
    const byLength: string[][] = [];
    for (const s of personSymbolSpellings())
      if (s.length >= MIN_EDIT_LENGTH) (byLength[s.length] ??= []).push(s);
    symbolsByLength = byLength;
  }
  for (let length = Math.max(MIN_EDIT_LENGTH, text.length - 2); length <= text.length + 2; length++)
    for (const s of symbolsByLength[length] ?? []) if (isTypoSpelling(text, s)) return true;
  return false;
}

/** How two adjacent query tokens may be one part (`mayBeOnePart`). */
type OnePart = 'initials' | 'compound';

/**
 * Whether two adjacent query tokens may be one listed part a typo broke apart, and how: two initials (a
 * two-consonant part is read as two initials: GL for GUL, NR for NUR) or a name part next to a particle (the
 * role step joins `abd al`, `ibn al`, `al hajj` into one symbol, and does not once a typo hits one of the
 * words: MBD AL-HAQ, AL HAJN).
 */
function mayBeOnePart(a: NameToken, b: NameToken): OnePart | undefined {
  if (a.native !== undefined || b.native !== undefined) return undefined;
  if (a.role === 'initial' && b.role === 'initial') return 'initials';
  if ((a.role === 'name' && b.role === 'particle') || (a.role === 'particle' && b.role === 'name'))
    return 'compound';
  return undefined;
}

/**
 * Whether a query part falls under the repeated-part rule: a name part, not a particle or connective (AL,
 * BIN, ABU, `abd al`, UD, DIN: Arabic names repeat them, and compounds like `abdal` hide one) nor a Han /
 * Hangul / Kana syllable (one-syllable parts repeat across given names in any order).
 */
function repeatablePart(token: NameToken): boolean {
  return (
    token.role === 'name' &&
    token.native === undefined &&
    !CONNECTIVE_PARTS.has(token.text) &&
    !token.groups?.some((group) => group.startsWith('sym:'))
  );
}

/**
 * Vocabulary tokens some query token reaches at similarity 1 (its spelling, or the same after folding), each
 * with the query tokens reaching it so (bits as `covers`).
 */
function exactlyHeld(
  all: readonly Expansion[][],
  covers: readonly number[],
  tokens: number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (let l = 0; l < tokens; l++)
    for (const { id, similarity } of all[l]) {
      if (similarity < 1) break;
      out.set(id, (out.get(id) ?? 0) | covers[l]);
    }
  return out;
}

/** What a joined lookup's expansion covers: the part that reaches it too, else both parts joined. */
function partCover(
  [firstIds, secondIds]: readonly ReadonlySet<number>[],
  first: number,
  id: number,
  covers: readonly number[],
): number {
  if (firstIds.has(id)) return covers[first];
  if (secondIds.has(id)) return covers[first + 1];
  return covers[first] | covers[first + 1];
}

function postingsOf(expansions: readonly Expansion[], postings: readonly (readonly number[])[]): number {
  let n = 0;
  for (const { id } of expansions) n += postings[id].length;
  return n;
}

function idsOf(expansions: readonly Expansion[]): ReadonlySet<number> {
  return new Set(expansions.map((x) => x.id));
}

/** Min-heap steps over positions among the names found, ordered by their credit (ties keep their place). */
function siftUp(heap: Int32Array, i: number, credit: Float32Array): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!(credit[heap[i]] < credit[heap[parent]])) break;
    const t = heap[i];
    heap[i] = heap[parent];
    heap[parent] = t;
    i = parent;
  }
}

function siftDown(heap: Int32Array, size: number, credit: Float32Array): void {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let smallest = i;
    if (l < size && credit[heap[l]] < credit[heap[smallest]]) smallest = l;
    if (r < size && credit[heap[r]] < credit[heap[smallest]]) smallest = r;
    if (smallest === i) return;
    const t = heap[i];
    heap[i] = heap[smallest];
    heap[smallest] = t;
    i = smallest;
  }
}
