export * from './key';
export * from './value';
export * from './chunk';
