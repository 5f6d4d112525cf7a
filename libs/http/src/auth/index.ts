export * from './auth.env';
export * from './roles';
export * from './roles.guard';
export * from './token';
export * from './auth.module';
export * from './staff-routes';
