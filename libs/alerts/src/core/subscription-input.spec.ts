import { ContractViolation, validateContract } from '@paxscreen/contracts';

import { NewSubscription, publicSubscription } from './subscription-input';
import { subscription } from './alerts.fixture';

const SECRET = 'whsec-0123456789abcdef';

describe('NewSubscription', () => {
  it.each([
    ['live, any port and list', { channel: 'LIVE' }],
    ['live for two ports and a list', { channel: 'LIVE', ports: ['SYD', 'MEL'], listIds: ['UN'] }],
    ['a webhook', { channel: 'WEBHOOK', url: 'https://hooks.agency.example/paxscreen', secret: SECRET }],
    [
      'an e-mail for encounters only',
      { channel: 'EMAIL', email: 'desk@agency.example', kinds: ['LOOKOUT_ENCOUNTER'] },
    ],
  ])('accepts %s', (_label, body) => {
    expect(() => validateContract(NewSubscription, body)).not.toThrow();
  });

  it.each([
    ['an unknown channel', { channel: 'SMS' }],
    ['a webhook without a secret', { channel: 'WEBHOOK', url: 'https://hooks.example/x' }],
    ['a short secret', { channel: 'WEBHOOK', url: 'https://hooks.example/x', secret: 'short' }],
    ['a non-HTTP URL', { channel: 'WEBHOOK', url: 'file:///etc/passwd', secret: SECRET }],
    ['credentials in the URL', { channel: 'WEBHOOK', url: 'https://u:p@hooks.example/x', secret: SECRET }],
    ['an e-mail without an address', { channel: 'EMAIL' }],
    ['a lower-case port', { channel: 'LIVE', ports: ['syd'] }],
    ['an unknown alert kind', { channel: 'LIVE', kinds: ['ANYTHING'] }],
  ])('refuses %s', (_label, body) => {
    expect(() => validateContract(NewSubscription, body)).toThrow(ContractViolation);
  });
});

describe('publicSubscription', () => {
  it('never shows the webhook secret, only that there is one', () => {
    const shown = publicSubscription(
      subscription({ channel: 'WEBHOOK', secret: SECRET, target: 'https://h.example' }),
    );
    expect(shown).not.toHaveProperty('secret');
    expect(shown.hasSecret).toBe(true);
  });
});
