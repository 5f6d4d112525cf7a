/**
 * Stable codes of a bad rule or rule file. Part of the admin API (the watchlist service returns
 * them on upload): add, never rename.
 */
export const RULE_ERROR_CODES = [
  /** Not valid JSON / YAML. */
  'SYNTAX',
  /** A file over MAX_RULE_FILE_CHARS: rule sets are small, a huge upload is a mistake or an attack. */
  'TOO_LARGE',
  /** A value of the wrong JSON type (object expected, string expected, …). */
  'INVALID_TYPE',
  'REQUIRED',
  /** A key the format does not know: a typo must not silently disable a condition. */
  'UNKNOWN_FIELD',
  /** Right type, value not allowed (pattern, range, enumeration, empty list, …). */
  'INVALID_VALUE',
  'UNSUPPORTED_VERSION',
  'UNKNOWN_FACT',
  /** An operator the fact's kind does not support (e.g. `lt` on a port). */
  'OPERATOR_NOT_ALLOWED',
  'INVALID_PATTERN',
  'INVALID_TEMPLATE',
  /** `validFrom` not before `validUntil`, or `between` bounds reversed. */
  'INVALID_WINDOW',
  'DUPLICATE_ID',
  /** Conditions nested deeper than MAX_CONDITION_DEPTH. */
  'TOO_DEEP',
] as const;
export type RuleErrorCode = (typeof RULE_ERROR_CODES)[number];

/**
 * A rule or rule file that cannot be used. `path` points at the offending field
 * (`rules[2].when.all[0].lt`; empty for the whole document). Messages name fields, operators and
 * limits, never the values of the file: rule files may be pasted from case notes.
 */
export class RuleError extends Error {
  constructor(
    readonly code: RuleErrorCode,
    readonly path: string,
    readonly detail: string,
  ) {
    super(path ? `${path}: ${detail}` : detail);
    this.name = 'RuleError';
  }

  /** The same error, located under `prefix` (used when a rule is validated inside a rule set). */
  under(prefix: string): RuleError {
    const path = this.path
      ? this.path.startsWith('[')
        ? `${prefix}${this.path}`
        : `${prefix}.${this.path}`
      : prefix;
    return new RuleError(this.code, path, this.detail);
  }
}
