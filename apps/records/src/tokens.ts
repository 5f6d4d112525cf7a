export const RECORDS_ENV = Symbol('paxscreen:records-env');
