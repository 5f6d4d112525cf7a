import { testCarrierEvent } from '@paxscreen/testing';

import { alertMail } from './alert-mail';
import { alert } from './alerts.fixture';
import { carrierAlert } from './carrier-alert';

describe('alertMail', () => {
  it('names the kind, outcome, flight and port, and links the hit', () => {
    const mail = alertMail(alert({ hitId: 'hit/7' }), 'http://127.0.0.1:8088/');
    expect(mail.subject).toBe('[paxscreen] Hit on a flight arriving soon: REFER QF1 2026-12-06 SYD');
    expect(mail.text).toContain('REFER on QF1 arriving SYD, list UN');
    expect(mail.text).toContain('Lists:    UN');
    expect(mail.text).toContain('arriving 2026-12-07T06:00');
    expect(mail.text).toContain('Open the hit: http://127.0.0.1:8088/#/hits/hit%2F7');
  });

  it('links the workbench for a carrier alert, which has no hit, and names both ends of the flight', () => {
    const mail = alertMail(carrierAlert(testCarrierEvent(), 'ev-1')!, 'http://127.0.0.1:8088');
    expect(mail.subject).toBe('[paxscreen] Carrier submission missing: API_PASSENGERS ZZ0042 2026-12-07 SYD');
    expect(mail.text).toContain('Port:     SYD (LHR to SYD)');
    expect(mail.text).toContain('Open the workbench: http://127.0.0.1:8088/');
    expect(mail.text).not.toContain('#/hits/');
  });
});
