export const CASEWORK_ENV = Symbol('paxscreen:casework-env');
