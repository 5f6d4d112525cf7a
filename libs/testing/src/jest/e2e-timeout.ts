// End-to-end tests wait on real Kafka and Redis (broker start, group joins, transactions).
jest.setTimeout(120_000);
