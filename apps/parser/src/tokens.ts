export const PARSER_ENV = Symbol('paxscreen:parser-env');
