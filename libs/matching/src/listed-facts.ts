import { ENTRY_FACT_MAX, type ListedDate, type ListedFacts } from '@paxscreen/contracts';

import type { EntryFacts } from './model';

/** `1970-03-04`, `1968..1972`, `circa 1970` (a range open at one end keeps its `..`). */
function listedDate(d: ListedDate): string {
  const value = d.date ?? (d.from || d.to ? `${d.from ?? ''}..${d.to ?? ''}` : '');
  return d.qualifier && value ? `${d.qualifier} ${value}` : value;
}

/** Joins the values with `; `, dropping empty ones; undefined when none is left. Cut to `ENTRY_FACT_MAX`. */
function joined(values: readonly string[]): string | undefined {
  const text = values.filter((v) => v.length > 0).join('; ');
  if (!text) return undefined;
  return text.length > ENTRY_FACT_MAX ? `${text.slice(0, ENTRY_FACT_MAX - 1)}…` : text;
}

/**
 * The listed values a candidate was compared on, for the analyst's side-by-side view: the matched
 * name, birth dates, nationalities and documents (`issuer:number`). A field the entry lacks is left out.
 */
export function listedFactsOf(name: string, facts: EntryFacts): ListedFacts {
  const out: ListedFacts = {};
  const values: [keyof ListedFacts, string | undefined][] = [
    ['name', joined([name])],
    ['dateOfBirth', joined(facts.datesOfBirth.map(listedDate))],
    ['nationality', joined(facts.nationalities)],
    ['document', joined(facts.documents.map((d) => (d.issuer ? `${d.issuer}:${d.number}` : d.number)))],
  ];
  for (const [field, value] of values) if (value) out[field] = value;
  return out;
}
