export * from './admin';
export * from './client';
export * from './consumer';
export * from './dead-letter';
export * from './kafka.env';
export * from './producer';
export * from './reply-listener';
export * from './settings';
