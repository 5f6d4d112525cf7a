export * from './batch-server';
export * from './kafka.module';
export * from './tokens';
