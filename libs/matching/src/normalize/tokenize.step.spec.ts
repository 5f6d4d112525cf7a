import { tokenize } from './tokenize.step';

describe('tokenize', () => {
  it.each([
    ['putin, vladimir', ['putin', 'vladimir']],
    ["al qa'ida", ['al', 'qaida']],
    ['a.b.c. company', ['abc', 'company']],
    ['j.-c. juncker', ['j', 'c', 'juncker']],
    ['a. khamenei', ['a', 'khamenei']],
    ['at&t inc.', ['at', 'and', 't', 'inc']],
    ['jean-marie le pen', ['jean', 'marie', 'le', 'pen']],
    ['deutsche bank (schweiz) ag', ['deutsche', 'bank', 'schweiz', 'ag']],
    ['trust 2004-1', ['trust', '2004', '1']],
  ])('%s → %j', (input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });
});
