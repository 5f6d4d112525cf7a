export * from './model/errors';
export * from './model/priority';
export * from './model/hit';
export * from './model/transitions';
export * from './model/alerts';
export * from './schema';
export * from './migrations';
export * from './store/casework.store';
