/** Boundaries (docs/architecture.md §5), checked in `npm run lint`. */
module.exports = {
  forbidden: [
    { name: 'libs-not-apps', severity: 'error', from: { path: '^libs/' }, to: { path: '^apps/' } },
    {
      name: 'apps-not-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'only-libs-kafka-imports-kafkajs',
      severity: 'error',
      // Tests may observe Kafka with a raw client; production code goes through libs/kafka.
      from: { path: '^(apps|libs)/', pathNot: ['^libs/(kafka|testing)/', '^apps/[^/]+/test/'] },
      to: { path: 'node_modules/kafkajs/' },
    },
    {
      name: 'only-libs-redis-imports-ioredis',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/(redis|testing)/', '^apps/[^/]+/test/'] },
      to: { path: 'node_modules/ioredis/' },
    },
    {
      name: 'only-libs-postgres-imports-pg',
      comment: 'the pg driver stays behind libs/postgres; tables and queries use Kysely',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/(postgres|testing)/', '^apps/[^/]+/test/'] },
      to: { path: 'node_modules/(pg|pg-[a-z-]+)/' },
    },
    {
      name: 'plain-typescript-libs',
      comment: 'contracts, dashboard, edifact, lists, matching, rules and screening are framework-free',
      severity: 'error',
      from: { path: '^libs/(contracts|dashboard|edifact|lists|matching|privacy|rules|screening)/' },
      to: { path: 'node_modules/(@nestjs|kafkajs|ioredis|fastify)' },
    },
    {
      name: 'production-not-testing',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.spec\\.ts$', '^libs/testing/', '/test/'] },
      to: { path: '^libs/testing/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist|^\\.cache|^coverage)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
