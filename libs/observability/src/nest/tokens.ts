export const LOGGER = Symbol('paxscreen:logger');
export const SERVICE_NAME = Symbol('paxscreen:service-name');
