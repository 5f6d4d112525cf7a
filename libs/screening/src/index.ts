export * from './config';
export * from './checks/context';
export { matchQueryOf } from './checks/watchlist.check';
export * from './screener';
export * from './state/list-loader';
export * from './state/screening-state';
export * from './export/decisions-csv';
export * from './subject';
export * from './hot-path/document-answer';
