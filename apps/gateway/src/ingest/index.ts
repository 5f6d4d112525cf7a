export * from './ingest.controller';
export * from './submit-message.usecase';
