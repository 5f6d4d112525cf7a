export * from './receipt.store';
