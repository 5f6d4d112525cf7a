export * from './mask';
export * from './policy';
export * from './seal';
