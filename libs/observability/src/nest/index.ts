export * from './observability.module';
export * from './pino-nest-logger';
export * from './tokens';
