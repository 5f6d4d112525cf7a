export * from './decision.store';
export * from './traveller-snapshot.store';
export * from './lookout.store';
export * from './leased-counter';
