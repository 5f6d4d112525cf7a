import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Kafka } from 'kafkajs';

import { ObservabilityModule } from '@paxscreen/observability';
import { REFUSED_START_ENV, refusedStart } from '@paxscreen/testing';

import { KafkaModule } from './kafka.module';

describe('KafkaModule: a start refused because Kafka is down', () => {
  afterEach(() => jest.restoreAllMocks());

  it('never starts the producer connecting, so no kafkajs retry timer outlives the start', async () => {
    // Kafka down as the admin finds it once its retries are spent (here at once, not after a minute).
    const admin = jest.spyOn(Kafka.prototype, 'admin').mockImplementation(
      () =>
        ({
          events: { REQUEST: 'admin.network.request' },
          on: () => () => undefined,
          connect: () => Promise.reject(new Error('Connection error: connect ECONNREFUSED')),
          disconnect: () => Promise.resolve(),
        }) as never,
    );
    const producerConnects = jest.fn();
    const producer = Kafka.prototype.producer;
    jest.spyOn(Kafka.prototype, 'producer').mockImplementation(function (this: Kafka, config) {
      const real = producer.call(this, config);
      const connect = real.connect.bind(real);
      real.connect = () => {
        producerConnects();
        return connect();
      };
      return real;
    });
    const env = { ...REFUSED_START_ENV, KAFKA_CONNECTION_TIMEOUT_MS: '100' };
    @Module({
      imports: [
        ObservabilityModule.forRoot('kafka-start', env),
        KafkaModule.forRoot({ clientSuffix: 'start', env }),
      ],
    })
    class App {}
    const { error, leftOpen } = await refusedStart(() =>
      NestFactory.createApplicationContext(App, { logger: false, abortOnError: false }),
    );
    expect(String(error)).toMatch(/ECONNREFUSED/);
    expect(admin).toHaveBeenCalled();
    expect(producerConnects).not.toHaveBeenCalled();
    expect(leftOpen).toEqual({});
  });
});
