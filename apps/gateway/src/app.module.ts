import { DynamicModule, Module } from '@nestjs/common';

import { loadEnv } from '@paxscreen/contracts';
import { AuthModule, TakeTurns } from '@paxscreen/http';
import { DecisionPublisher, KafkaModule } from '@paxscreen/kafka';
import { ObservabilityModule } from '@paxscreen/observability';
import { DATABASE, PostgresModule } from '@paxscreen/postgres';
import {
  PnrVault,
  RECORDS_MIGRATIONS,
  RecordsReader,
  ReceiptStore,
  type RecordsDatabase,
} from '@paxscreen/records';
import {
  DecisionStore,
  LookoutStore,
  REDIS_CLIENT,
  RedisClient,
  RedisKeys,
  RedisModule,
} from '@paxscreen/redis';
import type { Kysely } from 'kysely';

import { AuditLog } from './audit/audit-log';
import { CarrierKeyCache } from './auth/carrier-key-cache';
import { CarrierAdminController, CarrierAdminUseCase } from './carrier-admin';
import { GatewayEnv } from './gateway.env';
import { IapiClient } from './iapi/iapi.client';
import { IapiController } from './iapi/iapi.controller';
import { IapiUseCase } from './iapi/iapi.usecase';
import { TravellerChangeUseCase } from './iapi/traveller-change.usecase';
import { IngestController, SubmitMessageUseCase } from './ingest';
import { PnrController } from './pnr/pnr.controller';
import { PnrUseCase } from './pnr/pnr.usecase';
import { PoeController } from './poe/poe.controller';
import { PoeUseCase } from './poe/poe.usecase';
import { CARRIER_TURNS, GATEWAY_ENV, GATEWAY_PROCESS_ENV } from './tokens';
import { IngestTransports, TRANSPORT_ENV, TransportIngest } from './transports';

@Module({})
export class GatewayModule {
  static register(env: NodeJS.ProcessEnv): DynamicModule {
    const settings = loadEnv(GatewayEnv, env);
    const receiptTtl = settings.RECEIPT_TTL_HOURS * 3600;
    return {
      module: GatewayModule,
      imports: [
        ObservabilityModule.forRoot('gateway', env),
        // With KAFKA_PACE_MS, iAPI requests and carrier messages at a steady rate share produce
        // requests (at most one every KAFKA_PACE_MS; a lone request goes at once).
        KafkaModule.forRoot({ clientSuffix: 'gateway', env, pacedProducer: true }),
        RedisModule.forRoot({ name: 'gateway', env }),
        // Receipts and the PNR vault (the system of record's tables, one set of migrations). The
        // gateway starts while PostgreSQL is down (submissions answer 503 until it is back).
        PostgresModule.forRoot({
          name: 'gateway',
          migrations: RECORDS_MIGRATIONS,
          env,
          startWithoutDatabase: true,
        }),
        AuthModule.forRoot(env),
      ],
      controllers: [IngestController, IapiController, PoeController, PnrController, CarrierAdminController],
      providers: [
        { provide: GATEWAY_ENV, useValue: settings },
        { provide: CARRIER_TURNS, useValue: new TakeTurns() },
        { provide: GATEWAY_PROCESS_ENV, useValue: env },
        CarrierKeyCache,
        CarrierAdminUseCase,
        {
          provide: ReceiptStore,
          inject: [DATABASE],
          useFactory: (db: Kysely<RecordsDatabase>) => new ReceiptStore(db, receiptTtl),
        },
        // Screening writes decisions (with the same HOTPATH_TTL_HOURS); the gateway reads them,
        // and writes only the decisions marking a traveller cancelled or offloaded (iAPI
        // changes). The TTL tells which of a document's decisions are still current.
        {
          provide: DecisionStore,
          inject: [REDIS_CLIENT, RedisKeys],
          useFactory: (r: RedisClient, k: RedisKeys) =>
            new DecisionStore(r, k, settings.HOTPATH_TTL_HOURS * 3600),
        },
        // Reads only: casework writes the lookouts (same HOTPATH_TTL_HOURS).
        {
          provide: LookoutStore,
          inject: [REDIS_CLIENT, RedisKeys],
          useFactory: (r: RedisClient, k: RedisKeys) =>
            new LookoutStore(r, k, settings.HOTPATH_TTL_HOURS * 3600),
        },
        SubmitMessageUseCase,
        // Queue and drop-folder ingest beside HTTP (transports/).
        { provide: TRANSPORT_ENV, useValue: IngestTransports.settings(env) },
        TransportIngest,
        IngestTransports,
        IapiClient,
        IapiUseCase,
        TravellerChangeUseCase,
        DecisionPublisher,
        AuditLog,
        // Port-of-entry look-ups while the hot path is being refilled (the records service's tables).
        {
          provide: RecordsReader,
          inject: [DATABASE],
          useFactory: (db: Kysely<RecordsDatabase>) => new RecordsReader(db),
        },
        PoeUseCase,
        // Reads and unseals only: masking and purging are the parser's job.
        {
          provide: PnrVault,
          inject: [DATABASE],
          useFactory: (db: Kysely<RecordsDatabase>) =>
            new PnrVault(db, settings.PNR_RETENTION_DAYS * 24 * 3600 * 1000),
        },
        PnrUseCase,
      ],
    };
  }
}
