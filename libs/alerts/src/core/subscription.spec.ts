import { alert, subscription } from './alerts.fixture';
import { routeAlert, seesLive, subscriptionMatches } from './subscription';

describe('subscriptionMatches', () => {
  it.each([
    ['no filters hear everything', {}, {}, true],
    ['same port', { ports: ['SYD'] }, {}, true],
    ['other port', { ports: ['MEL'] }, {}, false],
    ['one of the ports', { ports: ['MEL', 'SYD'] }, {}, true],
    ['a list the alert names', { listIds: ['UN', 'EU'] }, { listIds: ['EU', 'NATIONAL'] }, true],
    ['no list in common', { listIds: ['EU'] }, { listIds: ['UN'] }, false],
    ['a list filter and an alert without lists', { listIds: ['EU'] }, { listIds: [] }, false],
    ['port and list must both agree', { ports: ['SYD'], listIds: ['EU'] }, { listIds: ['UN'] }, false],
    [
      'kind filter agrees',
      { kinds: ['LOOKOUT_ENCOUNTER' as const] },
      { kind: 'LOOKOUT_ENCOUNTER' as const },
      true,
    ],
    ['kind filter disagrees', { kinds: ['LOOKOUT_ENCOUNTER' as const] }, {}, false],
  ])('%s', (_label, sub, event, expected) => {
    expect(subscriptionMatches(subscription(sub), alert(event))).toBe(expected);
  });
});

describe('routeAlert', () => {
  it('keeps the matching subscriptions on the asked channels only', () => {
    const all = [
      subscription({ subscriptionId: 'live', channel: 'LIVE' }),
      subscription({ subscriptionId: 'hook', channel: 'WEBHOOK', ports: ['SYD'] }),
      subscription({ subscriptionId: 'mail-mel', channel: 'EMAIL', ports: ['MEL'] }),
      subscription({ subscriptionId: 'mail-un', channel: 'EMAIL', listIds: ['UN'] }),
    ];
    expect(routeAlert(alert(), all, ['WEBHOOK', 'EMAIL']).map((s) => s.subscriptionId)).toEqual([
      'hook',
      'mail-un',
    ]);
  });
});

describe('seesLive', () => {
  it.each([
    ['no subscriptions, no post: everything', [], undefined, 'SYD', true],
    ['no subscriptions: the post’s port', [], 'SYD', 'SYD', true],
    ['no subscriptions: not another port', [], 'MEL', 'SYD', false],
    ['subscriptions decide, not the post', [subscription({ ports: ['SYD'] })], 'MEL', 'SYD', true],
    ['subscriptions that do not match', [subscription({ ports: ['PER'] })], undefined, 'SYD', false],
  ])('%s', (_label, live, post, port, expected) => {
    expect(seesLive(alert({ port }), live, post)).toBe(expected);
  });
});
