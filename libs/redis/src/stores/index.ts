export * from './decision.store';
export * from './manifest.store';
export * from './traveller-snapshot.store';
export * from './lookout.store';
