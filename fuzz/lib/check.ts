import { EDIFACT_ERROR_CODES, EdifactError, readMessage, sniffMessage } from '@paxscreen/edifact';

/**
 * The fuzz oracle: what the gateway and the parser do with carrier bytes (sniff, then read) must
 * end in a ReadResult the parser can publish (serialisable, travellers in arrays) or a typed
 * EdifactError with a known code. Anything else thrown, or a malformed result, is a failure.
 */
export type Verdict =
  { outcome: 'result'; messages: number; travellers: number } | { outcome: 'typed-error'; code: string };

export class OracleFailure extends Error {
  constructor(
    readonly kind: 'untyped-error' | 'sniff-error' | 'bad-result',
    message: string,
    readonly causeName?: string,
  ) {
    super(message);
    this.name = 'OracleFailure';
  }
}

/** Fixed so a case gives the same verdict on any day (century rules, "expired" findings). */
export const FUZZ_NOW = new Date('2025-06-01T00:00:00Z');
const CODES: ReadonlySet<string> = new Set(EDIFACT_ERROR_CODES);

function describe(err: unknown): { name: string; message: string } {
  if (err instanceof Error)
    return {
      name: err.name,
      message: `${err.name}: ${err.message}\n${err.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`,
    };
  return { name: typeof err, message: `non-Error thrown: ${String(err)}` };
}

export function check(bytes: Buffer): Verdict {
  try {
    const sniffed = sniffMessage(bytes);
    if (!['EDIFACT', 'JSON', 'UNKNOWN'].includes(sniffed.kind))
      throw new Error(`sniff kind ${String(sniffed.kind)}`);
  } catch (err) {
    const d = describe(err);
    throw new OracleFailure('sniff-error', d.message, d.name);
  }
  let result;
  try {
    result = readMessage(bytes, { now: FUZZ_NOW });
  } catch (err) {
    if (err instanceof EdifactError && CODES.has(err.code)) return { outcome: 'typed-error', code: err.code };
    const d = describe(err);
    throw new OracleFailure('untyped-error', d.message, d.name);
  }
  if (!Array.isArray(result?.messages) || !Array.isArray(result.findings))
    throw new OracleFailure('bad-result', 'result without messages or findings arrays');
  let travellers = 0;
  for (const m of result.messages) {
    if (!Array.isArray(m.travellers) || typeof m.manifest?.manifestId !== 'string')
      throw new OracleFailure('bad-result', 'a message without travellers array or manifest id');
    travellers += m.travellers.length;
  }
  try {
    // The parser publishes what it read as JSON events: a cycle or a BigInt would stop it there.
    JSON.stringify(result);
  } catch (err) {
    throw new OracleFailure('bad-result', `result is not serialisable: ${describe(err).message}`);
  }
  return { outcome: 'result', messages: result.messages.length, travellers };
}
