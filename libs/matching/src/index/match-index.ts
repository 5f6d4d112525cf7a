import type { EntryKind, ListedName, WatchlistEntry } from '@paxscreen/contracts';

import { MatchAlgorithm, maxQualifierGain, runFeatures } from '../algorithms/algorithm';
import { DEFAULT_ALGORITHM } from '../algorithms/registry';
import { explain } from '../explain';
import { normalizeDocumentNumber, placeTokens } from '../features/identity.feature';
import { alignTokens, NameComparison } from '../features/name-alignment';
import { ComparableToken, comparable, tokenSimilarity } from '../features/token-similarity';
import { EntryFacts, MatchCandidate, MatchKind, MatchQuery, SearchOptions } from '../model';
import { normalizeName } from '../normalize/pipeline';
import { growFloat32, growInt32, growUint8 } from './grow';
import { Expansion, LookupLimits, Vocabulary } from './vocabulary';

/** How candidates are found (the scorer never sees a name these paths do not reach). */
export const LOOKUP_LIMITS: LookupLimits = {
  maxExpansions: 16,
  maxBucket: 20000,
  minCreatingSimilarity: 0.75,
  minGramShare: 0.4,
  containedSimilarity: 0.75,
  minContainedLength: 4,
};
/** Removed names are purged from postings once they outnumber this share of all names. */
const COMPACT_DEAD_SHARE = 0.25;
const COMPACT_MIN_DEAD = 1024;
const DEFAULT_LIMIT = 5;
const MAX_MARK = 2 ** 30;
/** Query tokens beyond this many are compared without the per-query pair memo. */
const MAX_QUERY_TOKENS = 16;
/** Query tokens whose similar vocabulary tokens are remembered (oldest forgotten first). */
const MEMO_SIZE = 20000;

interface EntryRecord {
  listId: string;
  entryId: string;
  listVersion?: string;
  facts: EntryFacts;
  nameIds: number[];
}

const EMPTY: readonly never[] = Object.freeze([]);
const KIND_CODES: Readonly<Record<EntryKind, number>> = {
  PERSON: 1,
  ENTITY: 2,
  VESSEL: 3,
  AIRCRAFT: 4,
  UNKNOWN: 5,
};
/** Which listed kinds a query kind meets: a passenger is never a vessel. */
const MEETS: Readonly<Record<MatchKind, readonly number[]>> = {
  PERSON: [KIND_CODES.PERSON, KIND_CODES.UNKNOWN],
  ENTITY: [KIND_CODES.ENTITY, KIND_CODES.VESSEL, KIND_CODES.AIRCRAFT, KIND_CODES.UNKNOWN],
};

function listedFull(n: ListedName): string {
  if (n.full && n.full.trim().length > 0) return n.full;
  return [n.givenNames, n.surname].filter(Boolean).join(' ');
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
        ? entry.documents.map((d) => ({ number: normalizeDocumentNumber(d.number), issuer: d.issuer }))
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
  private nameKind = new Uint8Array(0);
  private nameText: string[] = [];
  private tokenPool = new Int32Array(0);
  private poolSize = 0;
  private names = 0;
  private deadNames = 0;
  // Per-query scratch, reused: accumulated candidate weight and stamps that replace clearing.
  private acc = new Float32Array(0);
  private credited = new Int32Array(0);
  /** Names credited by the current query (a reused buffer; only the first `count` are valid). */
  private touched = new Int32Array(1024);
  private mark = 0;
  private readonly memo = new Map<string, Expansion[]>();
  private memoVersion = -1;
  /** Counts vocabulary tokens gaining their first live name or losing their last one. */
  private liveTokensChanged = 0;

  constructor(private readonly algorithm: MatchAlgorithm = DEFAULT_ALGORITHM) {}

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
    if (this.entries.has(key)) this.remove(entry.listId, entry.entryId);
    const kind: MatchKind = entry.kind === 'PERSON' || entry.kind === 'UNKNOWN' ? 'PERSON' : 'ENTITY';
    const record: EntryRecord = {
      listId: entry.listId,
      entryId: entry.entryId,
      listVersion,
      facts: factsOf(entry),
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
      record.nameIds.push(this.addName(recordId, ids, full, KIND_CODES[entry.kind]));
    }
    this.records.push(record);
    this.entries.set(key, recordId);
  }

  /** Removes an entry (a tombstone on the compacted topic). Unknown keys are ignored. */
  remove(listId: string, entryId: string): void {
    const key = `${listId}:${entryId}`;
    const recordId = this.entries.get(key);
    if (recordId === undefined) return;
    const record = this.records[recordId];
    this.entries.delete(key);
    this.records[recordId] = undefined;
    if (!record) return;
    for (const nameId of record.nameIds) {
      for (const tokenId of this.uniqueTokens(nameId)) {
        if (--this.vocab.df[tokenId] === 0) this.liveTokensChanged++;
      }
      this.nameEntry[nameId] = -1;
      this.deadNames++;
    }
    if (this.deadNames >= COMPACT_MIN_DEAD && this.deadNames > this.names * COMPACT_DEAD_SHARE)
      this.compact();
  }

  /** Best candidates for a query, best first. */
  search(query: MatchQuery, options: SearchOptions = {}): MatchCandidate[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const minScore = options.minScore ?? this.algorithm.minScore;
    const kind: MatchKind = query.kind ?? 'PERSON';
    const fullName = query.fullName?.trim() || [query.givenNames, query.surname].filter(Boolean).join(' ');
    const q = normalizeName(fullName, kind).tokens.map(comparable);
    if (q.length === 0 || this.names === 0) return [];

    const top = this.candidates(q, kind);
    const cfg = this.algorithm.alignment;
    // Token pairs recur across candidates (every Muhammad on the list meets the query's Mohammed).
    const pairMemo = new Map<number, number>();
    const align = (nameId: number, detail: boolean): NameComparison => {
      const start = this.nameStart[nameId];
      const c = this.nameTokens(nameId);
      const pairSimilarity = (i: number, j: number): number => {
        if (i >= MAX_QUERY_TOKENS) return tokenSimilarity(q[i], c[j], cfg);
        const key = this.tokenPool[start + j] * MAX_QUERY_TOKENS + i;
        let sim = pairMemo.get(key);
        if (sim === undefined) {
          sim = tokenSimilarity(q[i], c[j], cfg);
          pairMemo.set(key, sim);
        }
        return sim;
      };
      return alignTokens(q, c, cfg, pairSimilarity, detail);
    };
    const best = new Map<number, { nameId: number; name: NameComparison }>();
    for (const nameId of top) {
      const recordId = this.nameEntry[nameId];
      const name = align(nameId, false);
      const prev = best.get(recordId);
      if (!prev || name.score > prev.name.score) best.set(recordId, { nameId, name });
    }
    // Qualifiers can add at most `gain`: once a name cannot beat the limit-th final score, stop.
    const gain = maxQualifierGain(this.algorithm, query);
    const ranked = [...best].sort((a, b) => b[1].name.score - a[1].name.score);
    const out: MatchCandidate[] = [];
    const finals: number[] = [];
    for (const [recordId, { nameId, name }] of ranked) {
      const bar = Math.max(minScore, finals.length >= limit ? finals[limit - 1] : -Infinity);
      if (name.score + gain < bar) break;
      const record = this.records[recordId];
      if (!record) continue;
      const scored = runFeatures(this.algorithm, { query, facts: record.facts, name: align(nameId, true) });
      if (scored.score < minScore) continue;
      finals.push(scored.score);
      finals.sort((a, b) => b - a);
      out.push({
        listId: record.listId,
        entryId: record.entryId,
        ...(record.listVersion !== undefined ? { listVersion: record.listVersion } : {}),
        name: this.nameText[nameId],
        score: scored.score,
        features: scored.features,
        matchedFields: scored.matchedFields,
        explanation: explain(scored.features),
      });
    }
    out.sort((a, b) => b.score - a.score || (b.features[0]?.score ?? 0) - (a.features[0]?.score ?? 0));
    return out.slice(0, limit);
  }

  /**
   * Names worth scoring: every query token's similar vocabulary tokens credit the names holding them with
   * similarity × rarity (each query token credits a name once, with its best expansion); the
   * `candidatesPerQuery` highest-credited names of a compatible kind win.
   */
  private candidates(q: readonly ComparableToken[], kind: MatchKind): number[] {
    const cfg = this.algorithm.alignment;
    const live = Math.max(1, this.nameCount);
    const lookups: ComparableToken[] = [...q];
    // Adjacent query tokens joined find names written as one word (Abdul Rahman ~ Abdulrahman).
    for (let i = 0; i + 1 < q.length; i++) {
      if (q[i].token.role === 'name' || q[i + 1].token.role === 'name') {
        lookups.push(
          comparable({ ...q[i].token, text: q[i].token.text + q[i + 1].token.text, key: '', role: 'name' }),
        );
      }
    }
    // Marks only grow: a name credited before this query's mark has stale scratch and starts at zero.
    const queryMark = this.nextMark();
    let touched = this.touched;
    let count = 0;
    const credited = this.credited;
    const acc = this.acc;
    for (const lookup of lookups) {
      const roleWeight = cfg.roleWeights[lookup.token.role];
      const expansions = this.expansions(lookup);
      const creditMark = this.nextMark();
      for (const { id, similarity } of expansions) {
        const df = this.vocab.df[id];
        if (df <= 0) continue;
        const gain = similarity * roleWeight * Math.log(1 + live / df);
        // Weak expansions only add to names already found: they would flood the list with near-misses.
        const creates = similarity >= LOOKUP_LIMITS.minCreatingSimilarity;
        const postings = this.vocab.postings[id];
        for (let k = 0; k < postings.length; k++) {
          const nameId = postings[k];
          const mark = credited[nameId];
          if (mark === creditMark) continue;
          if (mark <= queryMark) {
            if (!creates) continue;
            acc[nameId] = 0;
            if (count === touched.length) touched = this.touched = growInt32(touched, count + 1);
            touched[count++] = nameId;
          }
          credited[nameId] = creditMark;
          acc[nameId] += gain;
        }
      }
    }
    return this.topNames(touched, count, kind);
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
    let found = this.memo.get(key);
    if (!found) {
      found = this.vocab.similar(lookup, this.algorithm.alignment, LOOKUP_LIMITS);
      if (this.memo.size >= MEMO_SIZE) this.memo.delete(this.memo.keys().next().value as string);
      this.memo.set(key, found);
    }
    return found;
  }

  /** Stamps replace clearing the per-name scratch arrays; they restart before int32 runs out. */
  private nextMark(): number {
    if (this.mark >= MAX_MARK) {
      this.credited.fill(0);
      this.mark = 0;
    }
    return ++this.mark;
  }

  private topNames(touched: Int32Array, count: number, kind: MatchKind): number[] {
    const meets = MEETS[kind];
    const m = this.algorithm.candidatesPerQuery;
    const heap: number[] = [];
    const acc = this.acc;
    // A min-heap of the m best names by accumulated weight.
    const less = (a: number, b: number): boolean => acc[a] < acc[b];
    for (let k = 0; k < count; k++) {
      const nameId = touched[k];
      // Removed names linger in postings until compaction; their kind says nothing, their entry is -1.
      if (this.nameEntry[nameId] < 0 || !meets.includes(this.nameKind[nameId])) continue;
      if (heap.length < m) {
        heap.push(nameId);
        siftUp(heap, heap.length - 1, less);
      } else if (acc[nameId] > acc[heap[0]]) {
        heap[0] = nameId;
        siftDown(heap, 0, less);
      }
    }
    return heap;
  }

  private addName(recordId: number, tokenIds: number[], text: string, kindCode: number): number {
    const nameId = this.names++;
    this.ensureNameCapacity(this.names);
    this.tokenPool = growInt32(this.tokenPool, this.poolSize + tokenIds.length);
    this.nameStart[nameId] = this.poolSize;
    this.nameLength[nameId] = Math.min(tokenIds.length, 255);
    this.nameEntry[nameId] = recordId;
    this.nameKind[nameId] = kindCode;
    this.nameText[nameId] = text;
    for (let k = 0; k < this.nameLength[nameId]; k++) this.tokenPool[this.poolSize++] = tokenIds[k];
    for (const tokenId of this.uniqueTokens(nameId)) {
      this.vocab.postings[tokenId].push(nameId);
      if (this.vocab.df[tokenId]++ === 0) this.liveTokensChanged++;
    }
    return nameId;
  }

  private ensureNameCapacity(n: number): void {
    this.nameEntry = growInt32(this.nameEntry, n, -1);
    this.nameStart = growInt32(this.nameStart, n);
    this.nameLength = growUint8(this.nameLength, n);
    this.nameKind = growUint8(this.nameKind, n);
    this.acc = growFloat32(this.acc, n);
    this.credited = growInt32(this.credited, n);
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
    const kind = new Uint8Array(entry.length);
    const text: string[] = [];
    const tokens = new Int32Array(Math.max(16, this.poolSize));
    for (let id = 0; id < this.names; id++) {
      if (this.nameEntry[id] < 0) continue;
      remap[id] = next;
      entry[next] = this.nameEntry[id];
      start[next] = pool;
      length[next] = this.nameLength[id];
      kind[next] = this.nameKind[id];
      text[next] = this.nameText[id];
      tokens.set(this.tokenPool.subarray(this.nameStart[id], this.nameStart[id] + this.nameLength[id]), pool);
      pool += this.nameLength[id];
      next++;
    }
    this.nameEntry = entry;
    this.nameStart = start;
    this.nameLength = length;
    this.nameKind = kind;
    this.nameText = text;
    this.tokenPool = tokens;
    this.poolSize = pool;
    this.names = next;
    this.deadNames = 0;
    this.acc = new Float32Array(entry.length);
    this.credited = new Int32Array(entry.length);
    this.mark = 0;
    for (const record of this.records) if (record) record.nameIds = record.nameIds.map((id) => remap[id]);
    this.vocab.postings = this.vocab.postings.map(() => []);
    for (let id = 0; id < this.names; id++)
      for (const t of this.uniqueTokens(id)) this.vocab.postings[t].push(id);
  }
}

function siftUp(heap: number[], i: number, less: (a: number, b: number) => boolean): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function siftDown(heap: number[], i: number, less: (a: number, b: number) => boolean): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let smallest = i;
    if (l < heap.length && less(heap[l], heap[smallest])) smallest = l;
    if (r < heap.length && less(heap[r], heap[smallest])) smallest = r;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
    i = smallest;
  }
}
