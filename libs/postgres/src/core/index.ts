export * from './bulk';
export * from './database';
export * from './jsonb';
export * from './listen';
export * from './migrate';
export * from './partitions';
export * from './postgres.env';
export * from './unavailable';
