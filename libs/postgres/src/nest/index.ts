export * from './postgres.module';
