export * from './hits';
export * from './people';
export * from './pnrgov.writer';
export * from './random';
export * from './traffic';
export * from './lists';
export * from './files';
