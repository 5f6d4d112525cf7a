import { FACTS, FactKind, FactValue, TimeValue, lookupFact } from '../facts/fact-catalogue';
import type { Interval } from '../facts/partial-date';
import { RuleError } from '../model/rule-error';

/** A compiled explanation template: literal text and fact slots, parsed once per rule. */
export type TemplatePart = string | { readonly fact: number };

const PLACEHOLDER = /\{\{|\}\}|\{([^{}]*)\}|[{}]/g;
export const UNKNOWN_VALUE = 'unknown';

/**
 * Parses `"cash, one-way, booked {pnr.bookingLeadHours} h before departure to {flight.destination}"`.
 * `{{` and `}}` are literal braces. Throws INVALID_TEMPLATE (path empty: the caller knows where the
 * template sits) for an unknown fact or a stray brace.
 */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    text += template.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '{{' || m[0] === '}}') {
      text += m[0][0];
      continue;
    }
    if (m[1] === undefined)
      throw new RuleError('INVALID_TEMPLATE', '', 'unbalanced brace (write {{ or }} for a literal one)');
    const found = lookupFact(m[1].trim());
    if (!found)
      throw new RuleError('INVALID_TEMPLATE', '', `unknown fact in placeholder at character ${m.index + 1}`);
    if (text) parts.push(text);
    text = '';
    parts.push({ fact: found.index });
  }
  text += template.slice(last);
  if (text) parts.push(text);
  return parts;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}

/** A fact value as officers read it: ranges as `17–18`, sets comma-separated, booleans yes/no. */
export function renderValue(kind: FactKind, value: FactValue | undefined): string {
  if (value === undefined) return UNKNOWN_VALUE;
  switch (kind) {
    case 'code':
      return value as string;
    case 'codes': {
      const codes = value as readonly string[];
      return codes.length > 0 ? codes.join(', ') : 'none';
    }
    case 'number': {
      const { lo, hi } = value as Interval;
      return lo === hi ? formatNumber(lo) : `${formatNumber(lo)}–${formatNumber(hi)}`;
    }
    case 'boolean':
      return value ? 'yes' : 'no';
    case 'time':
      return (value as TimeValue).text;
  }
}

export function renderTemplate(
  parts: readonly TemplatePart[],
  read: (index: number) => FactValue | undefined,
): string {
  let out = '';
  for (const part of parts) {
    out += typeof part === 'string' ? part : renderValue(FACTS[part.fact].kind, read(part.fact));
  }
  return out;
}
