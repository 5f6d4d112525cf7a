export * from './cleanup';
export * from './prefix';
export * from './services';
export * from './list-upload';
export * from './manifests';
export * from './postgres';
export * from './record-events';
export * from './tcp-proxy';
