export const PARSER_ENV = Symbol('paxscreen:parser-env');
export const PRIVACY_POLICY = Symbol('paxscreen:privacy-policy');
