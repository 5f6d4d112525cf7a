import type { Direction, ManifestKind } from '../types';

const DIRECTION_CODES: Readonly<Record<Direction, string>> = { INBOUND: 'IN', OUTBOUND: 'OUT' };
const UNKNOWN_PART = '-';
/** Multipliers of the two 32-bit lanes (cyrb53 by bryc, public domain, widened to 64 bits). */
const LANE_1 = 2654435761;
const LANE_2 = 1597334677;
const MIX_1 = 2246822507;
const MIX_2 = 3266489909;
const SEED_1 = 0xdeadbeef;
const SEED_2 = 0x41c6ce57;

/**
 * 64-bit non-cryptographic hash as 16 hex digits. Ids are identifiers, not secrets (their inputs
 * are low-entropy names anyway); SHA-256 cost a tenth of the parse time. Collisions inside one
 * manifest are out of reach (birthday bound ~4·10⁹). Never change: ids are stored.
 */
export function hash64(text: string): string {
  lane1 = SEED_1;
  lane2 = SEED_2;
  feed(text);
  return digest();
}

/**
 * The hash's running state: `feed` continues it with more text, so that a prefix (the manifest id)
 * is hashed once per message and no `prefix + identity` string is built per traveller.
 */
let lane1 = SEED_1;
let lane2 = SEED_2;

function feed(text: string): void {
  let h1 = lane1;
  let h2 = lane2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, LANE_1);
    h2 = Math.imul(h2 ^ c, LANE_2);
  }
  lane1 = h1;
  lane2 = h2;
}

function digest(): string {
  let h1 = lane1;
  let h2 = lane2;
  h1 = Math.imul(h1 ^ (h1 >>> 16), MIX_1) ^ Math.imul(h2 ^ (h2 >>> 13), MIX_2);
  h2 = Math.imul(h2 ^ (h2 >>> 16), MIX_1) ^ Math.imul(h1 ^ (h1 >>> 13), MIX_2);
  return hex64(h2, h1);
}

/** Lower-case hex digits by value. */
const HEX = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const NIBBLE = 15;

/** Scratch for `hex64` (one call at a time: the parse is synchronous). */
const DIGITS: number[] = new Array<number>(16).fill(0);

/**
 * `hi` then `lo` as 16 lower-case hex digits (what `toString(16).padStart(8, '0')` twice gives),
 * built as one flat string.
 */
function hex64(hi: number, lo: number): string {
  for (let i = 0, shift = 28; i < 8; i++, shift -= 4) {
    DIGITS[i] = HEX[(hi >>> shift) & NIBBLE];
    DIGITS[i + 8] = HEX[(lo >>> shift) & NIBBLE];
  }
  return String.fromCharCode.apply(null, DIGITS);
}

/** See ManifestInfo.manifestId for the rule; it must never change without a migration. */
export function manifestIdOf(
  carrier: string,
  flightNumber: string,
  departureDate: string | undefined,
  direction: Direction | undefined,
  kind: ManifestKind,
): string {
  const dir = direction ? DIRECTION_CODES[direction] : UNKNOWN_PART;
  return `${carrier}${flightNumber}:${departureDate ?? UNKNOWN_PART}:${dir}:${kind}`;
}

/**
 * A traveller's id: a short hash of the manifest id and the traveller's identity, never of a
 * position, so that the same traveller keeps the id in every version of the manifest. Identity is
 * the carrier's unique passenger reference when it sends one (PAXLST RFF+ABO, JSON `ref`), else role,
 * names and date of birth (plus the record locator for PNR data). Duplicates inside one message get
 * an occurrence suffix before hashing (see `TravellerIds`).
 */
export function travellerIdOf(manifestId: string, identity: string): string {
  return hash64(`${manifestId}\u0000${identity}`);
}

export interface IdentityFields {
  ref?: string;
  locator?: string;
  role: string;
  surname: string;
  givenNames: string;
  dateOfBirth?: string;
}

export function identityOf(f: IdentityFields): string {
  return identityKey(f.ref, f.locator, f.role, f.surname, f.givenNames, f.dateOfBirth);
}

/** `identityOf` with the fields as arguments (no object per traveller). */
export function identityKey(
  ref: string | undefined,
  locator: string | undefined,
  role: string,
  surname: string,
  givenNames: string,
  dateOfBirth: string | undefined,
): string {
  if (ref) return `ref:${ref}`;
  // As `[…].join('|')`: null and undefined read as ''.
  return `${locator ?? ''}|${role ?? ''}|${surname ?? ''}|${givenNames ?? ''}|${dateOfBirth ?? ''}`;
}

const KEY_SEPARATOR = '\u0000';

/** Hands out ids for one message; reports whether an identity was already used. */
export class TravellerIds {
  /**
   * Uses per identity, split by form so that a carrier reference needs no `ref:…` string: identities
   * `ref:<x>` are counted in `refs` under `<x>`, all others in `others` (a one-to-one split of the
   * identity strings, so duplicates are exactly those of one map keyed by identity).
   */
  private readonly refs = new Map<string, number>();
  private readonly others = new Map<string, number>();
  /** The hash state after `<manifest id>\u0000`, the prefix of every key. */
  private readonly prefix1: number;
  private readonly prefix2: number;
  /** Whether the identity of the last `nextId` call was already used in this message. */
  duplicate = false;

  constructor(manifestId: string) {
    lane1 = SEED_1;
    lane2 = SEED_2;
    feed(manifestId);
    feed(KEY_SEPARATOR);
    this.prefix1 = lane1;
    this.prefix2 = lane2;
  }

  next(identity: string): { id: string; duplicate: boolean } {
    const id = this.nextId(identity);
    return { id, duplicate: this.duplicate };
  }

  /** `next` without the result object: the id, with `duplicate` set on this. */
  nextId(identity: string): string {
    if (identity.startsWith(REF_PREFIX)) return this.nextRef(identity.slice(REF_PREFIX.length));
    const count = this.count(this.others, identity);
    // = travellerIdOf(manifestId, key), continuing from the hashed prefix.
    lane1 = this.prefix1;
    lane2 = this.prefix2;
    feed(count === 1 ? identity : `${identity}#${count}`);
    return digest();
  }

  /** The id of identity `ref:<ref>` (what `nextId(identityOf({ ref, … }))` gives). */
  nextRef(ref: string): string {
    const count = this.count(this.refs, ref);
    lane1 = this.prefix1;
    lane2 = this.prefix2;
    feed(REF_PREFIX);
    feed(ref);
    if (count > 1) feed(`#${count}`);
    return digest();
  }

  /** `nextId(identityKey(…))` without building the `ref:…` identity for a carrier reference. */
  nextFor(
    ref: string | undefined,
    locator: string | undefined,
    role: string,
    surname: string,
    givenNames: string,
    dateOfBirth: string | undefined,
  ): string {
    if (ref) return this.nextRef(ref);
    return this.nextId(identityKey(ref, locator, role, surname, givenNames, dateOfBirth));
  }

  private count(seen: Map<string, number>, key: string): number {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    this.duplicate = count > 1;
    return count;
  }
}

const REF_PREFIX = 'ref:';
