export const SCREENING_ENV = Symbol('paxscreen:screening-env');
/** The two consumer groups of this app: travellers (throughput) and iAPI requests (latency). */
export const TRAVELLERS_TRANSPORT = Symbol('paxscreen:travellers-transport');
export const IAPI_TRANSPORT = Symbol('paxscreen:iapi-transport');
