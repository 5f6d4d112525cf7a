export const CARRIERS_ENV = Symbol('paxscreen:carriers-env');
export const CLOCK = Symbol('paxscreen:carriers-clock');
export const PAGE_ASSETS = Symbol('paxscreen:carriers-page-assets');
