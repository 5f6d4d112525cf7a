import type { Finding, FindingSeverity } from '@paxscreen/contracts';

/**
 * Where a finding points: the 1-based line of the file (`segment`) and the file and column or element
 * (`field`, e.g. `sdn.csv:remarks`). Findings never carry list content (names, numbers, dates).
 */
export interface FindingPlace {
  line?: number;
  field?: string;
}

export function finding(code: string, severity: FindingSeverity, message: string, at: FindingPlace): Finding {
  const f: Finding = { code, severity, message };
  if (at.line !== undefined) f.segment = at.line;
  if (at.field !== undefined) f.field = at.field;
  return f;
}

/** Collects findings for one read; bounded so a hostile file cannot grow the result without limit. */
export class FindingSink {
  /** Past this many findings only a count is kept: one more finding says how many were dropped. */
  static readonly MAX_FINDINGS = 10_000;
  readonly items: Finding[] = [];
  private dropped = 0;

  add(code: string, severity: FindingSeverity, message: string, at: FindingPlace): void {
    if (this.items.length < FindingSink.MAX_FINDINGS) this.items.push(finding(code, severity, message, at));
    else this.dropped++;
  }

  error(code: string, message: string, at: FindingPlace): void {
    this.add(code, 'error', message, at);
  }

  warn(code: string, message: string, at: FindingPlace): void {
    this.add(code, 'warning', message, at);
  }

  info(code: string, message: string, at: FindingPlace): void {
    this.add(code, 'info', message, at);
  }

  /** The findings, plus one summary finding when some were dropped. */
  result(): Finding[] {
    if (this.dropped === 0) return this.items;
    return [
      ...this.items,
      finding('FINDINGS_TRUNCATED', 'warning', `${this.dropped} more findings were not kept`, {}),
    ];
  }
}
