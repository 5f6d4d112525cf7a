import { isPostgresUnavailable } from './unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isPostgresUnavailable', () => {
  it.each([
    withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    withCode('the database system is starting up', '57P03'),
    withCode('terminating connection due to administrator command', '57P01'),
    withCode('sorry, too many clients already', '53300'),
    withCode('could not serialize access', '40001'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''),
  ])('waits for %s', (err) => {
    expect(isPostgresUnavailable(err)).toBe(true);
  });

  it.each([
    withCode('duplicate key value violates unique constraint', '23505'),
    withCode('invalid input syntax for type integer', '22P02'),
    withCode('relation "decisions" does not exist', '42P01'),
    new Error('something else'),
    'not an error',
  ])('does not wait for %s', (err) => {
    expect(isPostgresUnavailable(err)).toBe(false);
  });
});
