import { contactFromText, contactsFromAdd, decodePnrEmail } from './contacts';
import { parseDoca, parseDoco, parseDocs } from './ssr-docs';

describe('PNR contacts', () => {
  it.each([
    ['MOLLY..LOBB//GMAIL.COM', 'MOLLY_LOBB@GMAIL.COM'],
    ['A./B//X.ORG', 'A-B@X.ORG'],
    ['PLAIN', 'PLAIN'],
  ])('decodePnrEmail(%s) → %s', (raw, expected) => {
    expect(decodePnrEmail(raw)).toBe(expected);
  });

  it.each([
    ['CTCE MOLLY..LOBB//GMAIL.COM', { kind: 'email', value: 'MOLLY_LOBB@GMAIL.COM' }],
    ['CTCR 00115555555555', { kind: 'phone', value: '00115555555555' }],
    ['CTCM1234', { kind: 'phone', value: '1234' }],
    ['THIS PASSENGER IS A VIP', undefined],
    ['CTCE', undefined],
  ])('contactFromText(%s)', (text, expected) => {
    expect(contactFromText(text)).toEqual(expected);
  });

  it('reads ADD address and telephone', () => {
    expect(
      contactsFromAdd(['702', '45 HIGH STREET', 'SLOUGH', 'BERKSHIRE', '', 'GB', 'SL1AA', '00441753637285']),
    ).toEqual([
      { kind: 'address', value: '45 HIGH STREET, SLOUGH, BERKSHIRE, SL1AA, GB' },
      { kind: 'phone', value: '00441753637285' },
    ]);
    expect(contactsFromAdd(['702'])).toEqual([]);
  });
});

describe('SSR document texts', () => {
  it('splits DOCS', () => {
    expect(parseDocs('/P/GBR/123456789/GBR/12JUL64/M/23AUG19/SMITHJR/JOHN/ROBERT')).toEqual({
      type: 'P',
      issuer: 'GBR',
      number: '123456789',
      nationality: 'GBR',
      dateOfBirth: '12JUL64',
      sex: 'M',
      expiry: '23AUG19',
      surname: 'SMITHJR',
      given: 'JOHN',
      middle: 'ROBERT',
    });
    expect(parseDocs('/////05FEB53/F//DORON/NINA')).toMatchObject({
      number: '',
      dateOfBirth: '05FEB53',
      sex: 'F',
      surname: 'DORON',
    });
  });

  it('splits DOCO and DOCA', () => {
    expect(parseDoco(' HERE VA/V/8675309/OTHER PLACE/22DEC06/LI')).toEqual({
      placeOfBirth: 'HERE VA',
      type: 'V',
      number: '8675309',
      placeOfIssue: 'OTHER PLACE',
      issued: '22DEC06',
      country: 'LI',
    });
    expect(parseDoca('/R/USA/1 MAIN ST/DENVER/CO/80202')).toEqual({
      kind: 'R',
      country: 'USA',
      street: '1 MAIN ST',
      city: 'DENVER',
      state: 'CO',
      postalCode: '80202',
    });
  });
});
