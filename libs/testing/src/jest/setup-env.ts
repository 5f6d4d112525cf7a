// Each e2e test file sees the services chosen by global-setup through the environment.
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
