import { ReplyError } from 'ioredis';

import { isRedisUnavailable } from './unavailable';

const named = (name: string, message = name) => Object.assign(new Error(message), { name });
const coded = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:6379`), { code });
// ioredis types ReplyError as any.
const reply = (message: string) => new ReplyError(message) as Error;

describe('isRedisUnavailable', () => {
  it.each([
    [
      'max retries per request',
      named('MaxRetriesPerRequestError', 'Reached the max retries per request limit'),
    ],
    ['connection closed', new Error('Connection is closed.')],
    ['command timeout', new Error('Command timed out')],
    ['offline queue disabled', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['connection refused', coded('ECONNREFUSED')],
    ['connection reset', coded('ECONNRESET')],
    ['loading after a restart', reply('LOADING Redis is loading the dataset in memory')],
    ['replica read-only during failover', reply("READONLY You can't write against a read only replica.")],
  ])('%s: unavailable (wait and retry)', (_label, err) => {
    expect(isRedisUnavailable(err)).toBe(true);
  });

  it.each([
    ['wrong type', reply('WRONGTYPE Operation against a key holding the wrong kind of value')],
    ['script error', reply('ERR Error running script')],
    ['a bug in the caller', new TypeError("Cannot read properties of undefined (reading 'travellerId')")],
    ['not an error', 'Connection is closed.'],
    ['nothing', undefined],
  ])('%s: not an outage (the record may be at fault)', (_label, err) => {
    expect(isRedisUnavailable(err)).toBe(false);
  });
});
