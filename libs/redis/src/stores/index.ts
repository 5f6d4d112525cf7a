export * from './decision.store';
export * from './receipt.store';
