import { Alert, validateContract } from '@paxscreen/contracts';

import { alertOf, dispositionEventOf } from './alerts';
import { applyDecision } from './hit';
import { decisionEvent, NOW, POLICY } from './hit.factories';

const hit = applyDecision(undefined, decisionEvent('REFER'), NOW, POLICY).hit!;

describe('alerts', () => {
  it('says outcome, flight, port, time to arrival and lists, and no personal data', () => {
    const alert = alertOf('HIT_NEAR_ARRIVAL', hit, NOW);
    expect(alert.summary).toBe('REFER on QF1 arriving SYD in 3 h, list UN');
    expect(JSON.stringify(alert)).not.toMatch(/AL-SAYED|AHMAD|N0001|1970/);
    expect(() => validateContract(Alert.Value, alert)).not.toThrow();
  });

  it('names the encounter result', () => {
    expect(alertOf('LOOKOUT_ENCOUNTER', hit, NOW, 'POSITIVE').summary).toBe(
      'lookout encounter POSITIVE on QF1 at SYD, list UN',
    );
  });

  it('publishes a FALSE_POSITIVE under identity, list and entry, with the entry version', () => {
    const { key, value } = dispositionEventOf(hit, hit.reasons[0], 'disp-1', 'ana', NOW);
    expect(key).toBe(`${hit.identityKey}:UN:QDi.001`);
    expect(value).toMatchObject({
      dispositionId: 'disp-1',
      entryVersion: 'v1',
      verdict: 'FALSE_POSITIVE',
      analyst: 'ana',
    });
  });
});
