export * from './value';
export * from './bytes';
