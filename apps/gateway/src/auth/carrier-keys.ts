import { createHash } from 'node:crypto';

/** SHA-256 of an API key, hex: the only form in which keys are stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Carrier API keys by hash. Each key belongs to exactly one carrier code. Look-ups go by the
 * SHA-256 of the presented key, so timing reveals nothing useful about stored keys.
 */
export class CarrierKeys {
  private readonly byHash = new Map<string, string>();

  constructor(spec: string) {
    for (const pair of spec.split(',').filter(Boolean)) {
      const [carrier, hash] = pair.split(':');
      this.byHash.set(hash, carrier);
    }
  }

  carrierFor(presented: string | undefined): string | undefined {
    if (!presented || presented.length < 16 || presented.length > 256) return undefined;
    return this.byHash.get(hashApiKey(presented));
  }
}
