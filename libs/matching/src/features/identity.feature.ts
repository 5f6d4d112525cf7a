import { canonicalCode, canonicalDocumentNumber, type Gender } from '@paxscreen/contracts';

import { foldLatin } from '../normalize/latin-fold.step';
import { tokenize } from '../normalize/tokenize.step';

/** A matching document number (and issuer when both sides give one). */
export function compareDocuments(
  query: readonly { number: string; issuer?: string }[] | undefined,
  listed: readonly { number: string; issuer?: string }[],
): { number: string; issuer?: string } | undefined {
  if (!query || listed.length === 0) return undefined;
  for (const q of query) {
    const n = canonicalDocumentNumber(q.number);
    if (n.length === 0) continue;
    const issuer = q.issuer ? canonicalCode(q.issuer) : undefined;
    const hit = listed.find(
      (l) => l.number === n && (!issuer || !l.issuer || issuer === canonicalCode(l.issuer)),
    );
    if (hit) return { number: n, issuer: hit.issuer ?? issuer };
  }
  return undefined;
}

/** 'agree' / 'disagree' when both sides give a nationality, undefined otherwise. */
export function compareNationality(
  query: string | undefined,
  listed: readonly string[],
): 'agree' | 'disagree' | undefined {
  if (!query || listed.length === 0) return undefined;
  return listed.includes(query.toUpperCase()) ? 'agree' : 'disagree';
}

const KNOWN_GENDERS = new Set<Gender>(['M', 'F']);

/** 'agree' / 'disagree' when both sides state M or F. */
export function compareGender(
  query: Gender | undefined,
  listed: Gender | undefined,
): 'agree' | 'disagree' | undefined {
  if (!query || !listed || !KNOWN_GENDERS.has(query) || !KNOWN_GENDERS.has(listed)) return undefined;
  return query === listed ? 'agree' : 'disagree';
}

/** Words that say nothing about a place on their own. */
const PLACE_STOPWORDS = new Set([
  'city',
  'village',
  'district',
  'province',
  'area',
  'region',
  'governorate',
  'the',
  'of',
]);

export function placeTokens(value: string): string[] {
  return tokenize(foldLatin(value.normalize('NFKC').toLowerCase())).filter(
    (t) => t.length > 2 && !PLACE_STOPWORDS.has(t),
  );
}

/** Share of the query's place words found in a listed place of birth (best listed place). */
export function comparePlaceOfBirth(
  query: string | undefined,
  listed: readonly string[][],
): { share: number; place: string } | undefined {
  if (!query || listed.length === 0) return undefined;
  const q = placeTokens(query);
  if (q.length === 0) return undefined;
  let best: { share: number; place: string } | undefined;
  for (const place of listed) {
    const set = new Set(place);
    const share = q.filter((t) => set.has(t)).length / q.length;
    if (!best || share > best.share) best = { share, place: place.join(' ') };
  }
  return best;
}
