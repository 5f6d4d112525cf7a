// The guard moved to @paxscreen/http (apps/carriers authenticates carriers too).
export { CarrierAuthGuard, type CarrierRequest } from '@paxscreen/http';
