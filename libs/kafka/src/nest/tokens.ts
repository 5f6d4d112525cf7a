export const KAFKA_SETTINGS = Symbol('paxscreen:kafka-settings');
export const KAFKA_CLIENT = Symbol('paxscreen:kafka-client');
