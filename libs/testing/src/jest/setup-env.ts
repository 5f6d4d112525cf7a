// Each e2e test file sees the services chosen by global-setup through the environment.
process.env.LOG_LEVEL = process.env.PAXSCREEN_TEST_LOG_LEVEL ?? 'error';
