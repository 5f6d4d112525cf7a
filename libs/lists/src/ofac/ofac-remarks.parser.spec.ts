import { parseOfacRemarks } from './ofac-remarks.parser';

const remarks = (text: string) => parseOfacRemarks(text);

describe('parseOfacRemarks', () => {
  it.each([
    ['DOB 26 Dec 1992', [{ date: '1992-12-26' }]],
    ['DOB 1970', [{ date: '1970' }]],
    ['DOB circa 1970', [{ date: '1970', qualifier: 'circa' }]],
    ['DOB 1970 to 1975', [{ from: '1970', to: '1975' }]],
    ['DOB Dec 1970', [{ date: '1970-12' }]],
    ['DOB 01 Jan 1960 to 31 Dec 1962', [{ from: '1960-01-01', to: '1962-12-31' }]],
    ['DOB 01 Jan 1970; alt. DOB 02 Feb 1971.', [{ date: '1970-01-01' }, { date: '1971-02-02' }]],
  ])('dates of birth: %s', (text, dates) => {
    expect(remarks(text).datesOfBirth).toEqual(dates);
  });

  it.each([
    ['nationality Russia', ['RUS']],
    ['nationality Russia; citizen Russia', ['RUS']],
    ['nationality Korea, North; alt. nationality Burma', ['PRK', 'MMR']],
    ['citizen Congo, Democratic Republic of the', ['COD']],
    ['nationality Iran.', ['IRN']],
    ['Nationality of Registration Russia', []],
  ])('nationalities: %s', (text, codes) => {
    expect(remarks(text).nationalities).toEqual(codes);
  });

  it.each([
    ['Passport 719032284.', [{ type: 'P', number: '719032284' }]],
    ['Passport P0017003 (Belize)', [{ type: 'P', number: 'P0017003', issuer: 'BLZ' }]],
    [
      'Passport 2018278055 (Russia); alt. Passport 2006801524 (Russia)',
      [
        { type: 'P', number: '2018278055', issuer: 'RUS' },
        { type: 'P', number: '2006801524', issuer: 'RUS' },
      ],
    ],
    [
      'Passport D9000501 (Iran) issued 11 Feb 2009 expires 10 Feb 2014',
      [{ type: 'P', number: 'D9000501', issuer: 'IRN', note: 'issued 11 Feb 2009 expires 10 Feb 2014' }],
    ],
    ['Passport RL 1234567 (Korea, North)', [{ type: 'P', number: 'RL 1234567', issuer: 'PRK' }]],
    ['Diplomatic Passport 1111 (Syria)', [{ type: 'P', number: '1111', issuer: 'SYR', note: 'diplomatic' }]],
    ['National ID No. 10100722073 (Iran)', [{ type: 'I', number: '10100722073', issuer: 'IRN' }]],
    [
      'Passport I066302 (Cabo Verde.  Previously Cape Verde.)',
      [{ type: 'P', number: 'I066302', issuer: 'CPV' }],
    ],
    ['Cedula No. 7553562 (Colombia)', [{ type: 'I', number: '7553562', issuer: 'COL' }]],
    ['D.N.I. 12.345.678 (Argentina)', [{ type: 'I', number: '12.345.678', issuer: 'ARG' }]],
    ['National ID No. 052 (Connecticut) (United States)', [{ type: 'I', number: '052', issuer: 'USA' }]],
    ['Tax ID No. 366110340670 (Russia); SSN 561-77-9011 (United States)', []],
    ['U.S.A. Passport issued 10 Jan 2001 in Amman, Jordan', []],
    ['Vessel Registration Identification IMO 9486910', []],
  ])('documents: %s', (text, docs) => {
    expect(remarks(text).documents).toEqual(docs);
  });

  it.each([
    ["a.k.a. 'BURTON BURGESS'.", ['BURTON BURGESS']],
    ["a.k.a. 'SHAHIN CO.'; f.k.a. 'OLD NAME'", ['SHAHIN CO.', 'OLD NAME']],
    ['Linked To: SOME COMPANY LTD.', []],
  ])('weak aliases: %s', (text, aliases) => {
    expect(remarks(text).weakAliases).toEqual(aliases);
  });

  it.each([
    ['Gender Male', 'M'],
    ['Gender Female.', 'F'],
    ['Website www.example.org', undefined],
  ])('gender: %s', (text, gender) => {
    expect(remarks(text).gender).toBe(gender);
  });

  it('POB keeps the place as published', () => {
    expect(remarks('DOB 28 Jul 1963; POB Toledo District, Belize; Passport X1').placesOfBirth).toEqual([
      'Toledo District, Belize',
    ]);
  });

  it('reports facts it could not read, without their content', () => {
    expect(remarks('DOB 31 Feb 1970; nationality Atlantis; Passport 123 (Nowhere)').problems).toEqual([
      { code: 'DATE_INVALID', item: 'DOB' },
      { code: 'UNKNOWN_COUNTRY', item: 'nationality' },
      { code: 'UNKNOWN_COUNTRY', item: 'document issuer' },
    ]);
  });
});
