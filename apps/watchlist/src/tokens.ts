export const WATCHLIST_ENV = Symbol('paxscreen:watchlist-env');
