export * from './batch-server';
export * from './decision-publisher';
export * from './kafka.module';
export * from './tokens';
