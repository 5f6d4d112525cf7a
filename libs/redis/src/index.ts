export * from './core';
export * from './nest';
export * from './stores';
