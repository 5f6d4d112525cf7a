export * from './carrier-admin.controller';
export * from './carrier-admin.usecase';
