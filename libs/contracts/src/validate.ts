import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { uuidv7 } from 'uuidv7';

import { SCHEMA_VERSION } from './events/envelope';
import { quicklyValid } from './fast-validate';
import { nulPaths } from './json-text';

/**
 * A payload that does not satisfy its contract. The message lists property paths and the
 * constraints they broke, never the values (they may be personal data).
 */
export class ContractViolation extends Error {
  readonly code = 'CONTRACT_VIOLATION';
  constructor(
    readonly contract: string,
    readonly problems: string[],
  ) {
    super(`${contract} is invalid: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? '; …' : ''}`);
    this.name = 'ContractViolation';
  }
}

function flatten(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((e) => {
    const here = path ? `${path}.${e.property}` : e.property;
    const own = e.constraints ? [`${here}: ${Object.keys(e.constraints).join(', ')}`] : [];
    return [...own, ...flatten(e.children ?? [], here)];
  });
}

type Ctor<T> = new () => T;

/**
 * Turns plain JSON into a validated instance of `cls`, or throws ContractViolation. What the
 * compiled check (fast-validate.ts) accepts skips class-validator's executor (the same checks, a
 * tenth of the time); everything else goes through it, so errors read as they always did.
 */
export function validateContract<T extends object>(cls: Ctor<T>, plain: unknown): T {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new ContractViolation(cls.name, ['payload: must be a JSON object']);
  }
  const instance = plainToInstance(cls, plain);
  if (quicklyValid(cls, instance)) return instance;
  const errors = validateSync(instance, { forbidUnknownValues: true, whitelist: false });
  if (errors.length > 0) throw new ContractViolation(cls.name, flatten(errors));
  return instance;
}

function parseJson(name: string, bytes: Buffer | string): unknown {
  try {
    return JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch {
    throw new ContractViolation(name, ['payload: not valid JSON']);
  }
}

/**
 * Parses a JSON Buffer/string a person sent (staff and admin HTTP bodies) and validates it against
 * `cls`. A string holding an escaped NUL is refused (ContractViolation naming the field): PostgreSQL
 * keeps no NUL in `text` or `jsonb`, and unlike a carrier's bytes (kept, filed as U+FFFD, see
 * `jsonWithoutNul`) a note or a reason is better sent again than silently changed.
 */
export function decodeContract<T extends object>(cls: Ctor<T>, bytes: Buffer | string): T {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  const plain = parseJson(cls.name, text);
  const withNul = text.includes('\\u0000') ? nulPaths(plain) : [];
  if (withNul.length > 0)
    throw new ContractViolation(
      cls.name,
      withNul.map((path) => `${path}: must not contain NUL (U+0000)`),
    );
  return validateContract(cls, plain);
}

/**
 * decodeContract for events on internal topics, read once for their fields (a traveller event per
 * traveller): a valid payload comes back as the parsed JSON itself, not copied into class
 * instances; one that is not fails exactly as decodeContract fails (same ContractViolation).
 */
export function decodeEvent<T extends object>(cls: Ctor<T>, bytes: Buffer | string): T {
  return validPlain(cls, parseJson(cls.name, bytes));
}

/**
 * validateContract for parsed JSON that is only read for its fields: a valid value comes back as
 * it is, not copied into class instances (class-transformer costs more than the checks); one that
 * is not fails exactly as validateContract fails.
 */
export function validPlain<T extends object>(cls: Ctor<T>, plain: unknown): T {
  return quicklyValid(cls, plain) ? (plain as T) : validateContract(cls, plain);
}

/** A fresh, time-ordered event id (UUIDv7). */
export function newEventId(): string {
  return uuidv7();
}

/** The envelope fields of a new event. */
export function envelope(correlationId: string, traceparent?: string, now = new Date()) {
  return {
    schemaVersion: SCHEMA_VERSION,
    eventId: uuidv7(),
    occurredAt: now.toISOString(),
    correlationId,
    ...(traceparent ? { traceparent } : {}),
  };
}

/**
 * Reads the variables a settings class declares (every property has an initializer: its default,
 * or '' when required) from `env`, converts them, validates them once, and throws one error naming
 * every bad variable. Used by each lib's and app's `env.dto.ts`.
 */
export function loadEnv<T extends object>(cls: Ctor<T>, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const raw = env[key];
    if (raw === undefined || raw === '') continue;
    const fallback = defaults[key];
    picked[key] =
      typeof fallback === 'number'
        ? Number(raw)
        : typeof fallback === 'boolean'
          ? /^(1|true|yes|on)$/i.test(raw)
          : raw;
  }
  const instance = Object.assign(new cls(), picked);
  const errors = validateSync(instance, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new ContractViolation(`${cls.name} (environment)`, problems);
  }
  return instance;
}
