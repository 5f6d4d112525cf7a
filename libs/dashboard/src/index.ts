export * from './dashboard-state';
export * from './lag-board';
export * from './latency-histogram';
export * from './live-window';
export * from './masking';
export * from './read-records';
export * from './view-stream';
