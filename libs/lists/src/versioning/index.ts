export * from './list-diff';
