/**
 * Which carrier a presented API key belongs to. Carrier endpoints (`CarrierAuthGuard`) resolve
 * keys through this token; each app provides it (apps/carriers: a KeyRing of `@paxscreen/carrier-keys`
 * with the bootstrap and the database keys).
 */
export abstract class CarrierKeyLookup {
  abstract carrierFor(presented: string | undefined): string | undefined | Promise<string | undefined>;
}
