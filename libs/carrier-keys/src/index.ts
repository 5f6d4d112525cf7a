export * from './carrier-keys.repository';
export * from './key-material';
export * from './key-ring';
export * from './migrations';
export * from './rotation';
export * from './schema';
