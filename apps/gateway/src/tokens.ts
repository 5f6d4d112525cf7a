export const GATEWAY_ENV = Symbol('paxscreen:gateway-env');
