export * from './carrier-keys';
export * from './carrier-auth.guard';
