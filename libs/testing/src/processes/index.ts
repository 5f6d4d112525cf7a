export * from './app-process';
export * from './exit';
export * from './private-kafka';
export * from './private-redis';
export * from './private-postgres';
