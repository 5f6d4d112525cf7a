export * from './health';
export * from './logger';
export * from './metrics';
export * from './periodic-task';
export * from './redact';
export * from './trace';
