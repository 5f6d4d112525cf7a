export const DASHBOARD_ENV = Symbol('paxscreen:dashboard-env');
export const PAGE_ASSETS = Symbol('paxscreen:dashboard-page-assets');
