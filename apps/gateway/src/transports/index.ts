export * from './amqp-ingest';
export * from './folder-ingest';
export * from './ingest-transports';
export * from './transport-ingest';
export * from './transport.env';
