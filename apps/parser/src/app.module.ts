import { DynamicModule, Module } from '@nestjs/common';

import { loadEnv } from '@paxscreen/contracts';
import { KafkaModule } from '@paxscreen/kafka';
import { ObservabilityModule } from '@paxscreen/observability';
import { privacyPolicy } from '@paxscreen/privacy';
import { DATABASE, PostgresModule } from '@paxscreen/postgres';
import {
  ManifestStore,
  PnrVault,
  RECORDS_MIGRATIONS,
  ReceiptStore,
  type RecordsDatabase,
} from '@paxscreen/records';
import type { Kysely } from 'kysely';

import { ParseMessageConsumer, ParseMessageUseCase } from './parse-message';
import { MultipartSweeper } from './parse-message/multipart-sweeper';
import { PnrLifecycle } from './parse-message/pnr-lifecycle';
import { ParserEnv } from './parser.env';
import { PARSER_ENV, PRIVACY_POLICY } from './tokens';

@Module({})
export class ParserModule {
  static register(env: NodeJS.ProcessEnv): DynamicModule {
    const settings = loadEnv(ParserEnv, env);
    const ttl = settings.RECEIPT_TTL_HOURS * 3600;
    const policy = privacyPolicy(settings.PNR_MASK_AFTER_DAYS, settings.PNR_RETENTION_DAYS);
    return {
      module: ParserModule,
      imports: [
        ObservabilityModule.forRoot('parser', env),
        KafkaModule.forRoot({ clientSuffix: `parser-${settings.PARSER_INSTANCE_ID}`, env }),
        // Receipts, the PNR vault, manifest versions and multi-part sets waiting for parts (the
        // system of record's tables, one set of migrations): the parser uses no Redis.
        PostgresModule.forRoot({ name: 'parser', migrations: RECORDS_MIGRATIONS, env }),
      ],
      controllers: [ParseMessageConsumer],
      providers: [
        { provide: PARSER_ENV, useValue: settings },
        {
          provide: ReceiptStore,
          inject: [DATABASE],
          useFactory: (db: Kysely<RecordsDatabase>) => new ReceiptStore(db, ttl),
        },
        {
          provide: ManifestStore,
          inject: [DATABASE],
          useFactory: (db: Kysely<RecordsDatabase>) => new ManifestStore(db, ttl),
        },
        { provide: PRIVACY_POLICY, useValue: policy },
        {
          provide: PnrVault,
          inject: [DATABASE],
          useFactory: (db: Kysely<RecordsDatabase>) => new PnrVault(db, policy.pnrRetentionMs),
        },
        ParseMessageUseCase,
        MultipartSweeper,
        PnrLifecycle,
      ],
    };
  }
}
