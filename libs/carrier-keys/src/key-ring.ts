import { hashApiKey, plausibleKey } from './key-material';
import { keyValid } from './rotation';

/** One key the gateway accepts: its carrier, and the times that bound it. */
export interface RingKey {
  carrier: string;
  source: 'env' | 'database';
  /** Database keys only. */
  keyId?: string;
  expiresAt?: number;
  revokedAt?: number;
}

/** A database key as loaded (hash and times). */
export interface StoredKey {
  carrier: string;
  keyId: string;
  sha256: string;
  expiresAt?: number;
  revokedAt?: number;
}

const ENV_PAIR = /^([A-Z0-9]{2,3}):([a-f0-9]{64})$/;

/** `GATEWAY_CARRIER_KEYS`: `CARRIER:sha256hex` pairs, comma-separated. */
export function parseEnvKeys(spec: string): Map<string, string> {
  const byHash = new Map<string, string>();
  for (const pair of spec.split(',').filter(Boolean)) {
    const m = ENV_PAIR.exec(pair.trim());
    if (!m) throw new Error('GATEWAY_CARRIER_KEYS must be CARRIER:sha256hex pairs, comma-separated');
    byHash.set(m[2], m[1]);
  }
  return byHash;
}

/**
 * The carrier keys one gateway accepts: the environment's bootstrap keys (always) and the
 * database's (replaced whole on every reload, so a revoked or removed key is gone at the next
 * one). Look-ups go by the SHA-256 of the presented key, so timing reveals nothing useful about
 * the stored ones; expiry and revocation are checked at each request, not only at reload.
 * Each key maps to exactly one carrier.
 */
export class KeyRing {
  private readonly env = new Map<string, RingKey>();
  private database = new Map<string, RingKey>();

  constructor(envSpec = '') {
    for (const [hash, carrier] of parseEnvKeys(envSpec)) this.env.set(hash, { carrier, source: 'env' });
  }

  /** Replaces the database keys with `keys` (a full load). */
  replaceDatabaseKeys(keys: readonly StoredKey[]): void {
    const next = new Map<string, RingKey>();
    for (const k of keys)
      next.set(k.sha256, {
        carrier: k.carrier,
        source: 'database',
        keyId: k.keyId,
        ...(k.expiresAt !== undefined ? { expiresAt: k.expiresAt } : {}),
        ...(k.revokedAt !== undefined ? { revokedAt: k.revokedAt } : {}),
      });
    this.database = next;
  }

  get size(): { env: number; database: number } {
    return { env: this.env.size, database: this.database.size };
  }

  /** The valid key presented, or undefined (unknown, expired, revoked, implausible). */
  lookup(presented: string | undefined, now = Date.now()): RingKey | undefined {
    if (!plausibleKey(presented)) return undefined;
    const hash = hashApiKey(presented);
    const key = this.database.get(hash) ?? this.env.get(hash);
    return key && keyValid(key, now) ? key : undefined;
  }

  carrierFor(presented: string | undefined, now = Date.now()): string | undefined {
    return this.lookup(presented, now)?.carrier;
  }
}
