// Carrier keys moved to @paxscreen/http (apps/carriers authenticates carriers too).
export { CarrierKeys, CarrierKeyLookup, hashApiKey } from '@paxscreen/http';
