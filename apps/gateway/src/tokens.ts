export const GATEWAY_ENV = Symbol('paxscreen:gateway-env');
/** The TakeTurns queue carriers' CPU-bound steps share (reading, hashing): look-ups get turns between. */
export const CARRIER_TURNS = Symbol('paxscreen:carrier-turns');
/** The process environment the gateway was started with (PostgreSQL settings are read from it). */
export const GATEWAY_PROCESS_ENV = Symbol('paxscreen:gateway-process-env');
