export * from './parse-message.consumer';
export * from './parse-message.usecase';
