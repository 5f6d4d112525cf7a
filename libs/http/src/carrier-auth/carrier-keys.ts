import { createHash } from 'node:crypto';

/** SHA-256 of an API key, hex: the only form in which keys are stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Which carrier a presented API key belongs to. The gateway and apps/carriers authenticate
 * carriers through this token: a deployment may provide a lookup backed by a key store instead of
 * the bootstrap list below.
 */
export abstract class CarrierKeyLookup {
  abstract carrierFor(presented: string | undefined): string | undefined | Promise<string | undefined>;
}

/**
 * Carrier API keys by hash (`GATEWAY_CARRIER_KEYS`: `CARRIER:sha256hex,…`). Each key belongs to
 * exactly one carrier code. Look-ups go by the SHA-256 of the presented key, so timing reveals
 * nothing useful about stored keys.
 */
export class CarrierKeys extends CarrierKeyLookup {
  private readonly byHash = new Map<string, string>();

  constructor(spec: string) {
    super();
    for (const pair of spec.split(',').filter(Boolean)) {
      const [carrier, hash] = pair.split(':');
      this.byHash.set(hash, carrier);
    }
  }

  carrierFor(presented: string | undefined): string | undefined {
    if (!presented || presented.length < 16 || presented.length > 256) return undefined;
    return this.byHash.get(hashApiKey(presented));
  }

  /** The carrier codes that have a key. */
  carriers(): Set<string> {
    return new Set(this.byHash.values());
  }
}
