export const WORKBENCH_ENV = Symbol('paxscreen:workbench-env');
export const UI_ASSETS = Symbol('paxscreen:workbench-ui-assets');
export const AUTH_SETTINGS = Symbol('paxscreen:workbench-auth-settings');
