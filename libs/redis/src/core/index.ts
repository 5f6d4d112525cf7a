export * from './bulk';
export * from './client';
export * from './keys';
export * from './redis.env';
export * from './unavailable';
