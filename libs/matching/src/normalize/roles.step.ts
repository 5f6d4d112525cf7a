import { LEGAL_FORMS } from './data/legal-forms.data';
import {
  OBJ_NAME_PREFIXES,
  ORG_DOMAINS,
  ORG_NAME_PREFIXES,
  ORG_SYMBOLS,
  PERSON_NAME_PREFIXES,
  PERSON_NICKNAMES,
  PERSON_SYMBOLS,
} from './data/rigour-names.data';
import { numberWords } from './numbers.step';
import { PhraseTable } from './phrases';
import { NameKind, TokenRole } from './token';
import { RawToken, rawTokens } from './words.step';

/** A token with its role and equivalence groups, before its skeleton key is computed. */
export interface RoledToken {
  text: string;
  role: TokenRole;
  vowelPoor: boolean;
  native?: string;
  groups?: string[];
}

/** Two consonants standing alone in a person's name are two initials (JC Juncker); "ng" is a surname. */
const TWO_INITIALS = /^[b-df-hj-np-tv-xz]{2}$/;
const NOT_INITIALS = new Set(['ng']);

/** Person-name symbols by group: particles weigh little, honorifics are titles, the rest are name parts. */
const SYMBOL_ROLES: Readonly<Record<string, TokenRole>> = {
  bin: 'particle',
  bint: 'particle',
  ould: 'particle',
  von: 'particle',
  van: 'particle',
  abu: 'name',
  abul: 'name',
  abdul: 'name',
  umm: 'name',
  saint: 'name',
  haji: 'title',
  sheikh: 'title',
};
/** Particles of names in many languages (articles, "son of", "of the"): low weight, never a name alone. */
const PERSON_PARTICLES = [
  'al',
  'el',
  'ul',
  'de',
  'del',
  'della',
  'der',
  'den',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'y',
  'zu',
  'ter',
  'ten',
  'binti',
  'bte',
];
/** Function words inside organisation names. */
const ENTITY_STOPWORDS = [
  'of',
  'the',
  'and',
  'for',
  'et',
  'und',
  'des',
  'du',
  'de',
  'la',
  'le',
  'y',
  'in',
  'at',
];

interface SymbolValue {
  role: TokenRole;
  group: string;
}

interface Tables {
  personPrefixes: PhraseTable<true>;
  entityPrefixes: PhraseTable<true>;
  personSymbols: PhraseTable<SymbolValue>;
  nicknames: Map<string, string[]>;
  legalForms: PhraseTable<string>;
  orgTerms: PhraseTable<string[]>;
  entityStopwords: Set<string>;
}

let tables: Tables | undefined;

/** Built on first use: the phrases go through the same normalisation as the names they must meet. */
function load(): Tables {
  if (tables) return tables;
  const personPrefixes = new PhraseTable<true>();
  for (const p of PERSON_NAME_PREFIXES) personPrefixes.add(p, true);
  const entityPrefixes = new PhraseTable<true>();
  for (const p of [...ORG_NAME_PREFIXES, ...OBJ_NAME_PREFIXES]) entityPrefixes.add(p, true);
  const personSymbols = new PhraseTable<SymbolValue>();
  for (const [group, spellings] of Object.entries(PERSON_SYMBOLS)) {
    const role = SYMBOL_ROLES[group] ?? 'title';
    for (const s of spellings) personSymbols.add(s, { role, group: `sym:${group}` });
  }
  for (const p of PERSON_PARTICLES) personSymbols.add(p, { role: 'particle', group: `sym:${p}` });
  const nicknames = new Map<string, string[]>();
  for (const [group, spellings] of Object.entries(PERSON_NICKNAMES)) {
    for (const s of spellings) {
      const key = s.toLowerCase();
      nicknames.set(key, [...(nicknames.get(key) ?? []), `nick:${group}`]);
    }
  }
  const legalForms = new PhraseTable<string>();
  for (const [form, spellings] of Object.entries(LEGAL_FORMS))
    for (const s of spellings) legalForms.add(s, form);
  const orgTerms = new PhraseTable<string[]>();
  const termGroups = new Map<string, string[]>();
  for (const [group, spellings] of [...Object.entries(ORG_SYMBOLS), ...Object.entries(ORG_DOMAINS)]) {
    for (const s of spellings) {
      const key = s.toLowerCase();
      termGroups.set(key, [...(termGroups.get(key) ?? []), `org:${group}`]);
    }
  }
  for (const [term, groups] of termGroups) orgTerms.add(term, groups);
  tables = {
    personPrefixes,
    entityPrefixes,
    personSymbols,
    nicknames,
    legalForms,
    orgTerms,
    entityStopwords: new Set(ENTITY_STOPWORDS),
  };
  return tables;
}

/** Drops leading titles (Mr, Dr, President, The, MV …) while a name part remains after them. */
function stripPrefixes(tokens: RawToken[], table: PhraseTable<true>): RawToken[] {
  let start = 0;
  for (;;) {
    const m = table.matchAt(
      tokens.map((t) => t.text),
      start,
    );
    if (!m || start + m.length >= tokens.length) break;
    start += m.length;
  }
  return tokens.slice(start);
}

function personRoles(raw: RawToken[], t: Tables): RoledToken[] {
  const tokens = stripPrefixes(raw, t.personPrefixes);
  const texts = tokens.map((x) => x.text);
  const out: RoledToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const { text, vowelPoor } = tokens[i];
    const symbol = t.personSymbols.matchAt(texts, i);
    if (symbol) {
      const joined = texts.slice(i, i + symbol.length).join('');
      const nick = t.nicknames.get(joined);
      out.push({
        text: joined,
        role: symbol.value.role,
        vowelPoor,
        groups: [symbol.value.group, ...(nick ?? [])],
      });
      i += symbol.length - 1;
      continue;
    }
    // A legal form closing a longer person name is context, not a name part (Nicolás Maduro SA).
    if (tokens.length >= 3 && i === tokens.length - 1) {
      const legal = t.legalForms.matchAt(texts, i);
      if (legal) {
        out.push({ text: legal.value, role: 'legal', vowelPoor, groups: [`legal:${legal.value}`] });
        continue;
      }
    }
    if (text.length === 1 && !/\d/.test(text)) {
      out.push({ text, role: 'initial', vowelPoor });
      continue;
    }
    if (TWO_INITIALS.test(text) && !NOT_INITIALS.has(text) && !vowelPoor) {
      out.push({ text: text[0], role: 'initial', vowelPoor }, { text: text[1], role: 'initial', vowelPoor });
      continue;
    }
    if (/^\d+$/.test(text)) {
      out.push({ text, role: 'number', vowelPoor });
      continue;
    }
    const nick = t.nicknames.get(text);
    const native = tokens[i].native;
    out.push({
      text,
      role: 'name',
      vowelPoor,
      ...(native ? { native } : {}),
      ...(nick ? { groups: nick } : {}),
    });
  }
  return out;
}

function entityRoles(raw: RawToken[], t: Tables): RoledToken[] {
  const stripped = stripPrefixes(raw, t.entityPrefixes);
  const texts = numberWords(stripped.map((x) => x.text));
  const vowelPoor = stripped.some((x) => x.vowelPoor);
  const out: RoledToken[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    const legal = t.legalForms.matchAt(texts, i);
    const term = t.orgTerms.matchAt(texts, i);
    // The longer phrase wins; on a tie a legal form is the better reading (Company, Ltd, AG).
    if (legal && (!term || legal.length >= term.length)) {
      out.push({ text: legal.value, role: 'legal', vowelPoor, groups: [`legal:${legal.value}`] });
      i += legal.length - 1;
      continue;
    }
    if (term) {
      out.push({
        text: texts.slice(i, i + term.length).join(''),
        role: 'name',
        vowelPoor,
        groups: term.value,
      });
      i += term.length - 1;
      continue;
    }
    if (t.entityStopwords.has(text)) out.push({ text, role: 'particle', vowelPoor });
    else if (/^\d+$/.test(text)) out.push({ text, role: 'number', vowelPoor });
    else out.push({ text, role: 'name', vowelPoor });
  }
  return out;
}

/** Assigns roles and equivalence groups to raw tokens for a person or an organisation name. */
export function assignRoles(raw: RawToken[], kind: NameKind): RoledToken[] {
  const t = load();
  return kind === 'PERSON' ? personRoles(raw, t) : entityRoles(raw, t);
}

let symbolSpellings: ReadonlySet<string> | undefined;

/**
 * Every spelling the role step reads as a person-name symbol, its words joined as the step joins them
 * (`Abd al` → abdal, `ابن ال` → ibnal), particles included: the texts of the tokens it gives a `sym:` group.
 */
export function personSymbolSpellings(): ReadonlySet<string> {
  if (!symbolSpellings) {
    const out = new Set<string>(PERSON_PARTICLES);
    for (const spellings of Object.values(PERSON_SYMBOLS))
      for (const s of spellings)
        out.add(
          rawTokens(s)
            .map((t) => t.text)
            .join(''),
        );
    symbolSpellings = out;
  }
  return symbolSpellings;
}
