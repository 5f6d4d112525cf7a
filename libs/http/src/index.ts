export * from './api-error';
export * from './bootstrap';
export * from './error.filter';
export * from './http.env';
export * from './auth';
export * from './before-body';
export * from './upstream-proxy';
export * from './event-stream';
