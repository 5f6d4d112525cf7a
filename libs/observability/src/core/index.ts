export * from './health';
export * from './logger';
export * from './metrics';
export * from './redact';
export * from './trace';
