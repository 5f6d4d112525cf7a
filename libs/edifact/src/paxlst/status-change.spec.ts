import { readMessage } from '../read-message';
import { writePaxlst } from '../writers/paxlst.writer';
import { travellerStatusChange } from './status-change';

describe('PAXLST changes after check-in (BGM)', () => {
  it.each([
    ['XR', undefined, 'CANCELLED'],
    ['xr ', undefined, 'CANCELLED'],
    ['CLNB', undefined, 'OFFLOADED'],
    [undefined, '1', 'CANCELLED'],
    ['', '1', 'CANCELLED'],
    ['CP', undefined, undefined],
    ['CL', undefined, undefined],
    ['CLOB', undefined, undefined],
    [undefined, '9', undefined],
    [undefined, undefined, undefined],
  ])('BGM 1004 %p, 1225 %p → %p', (identifier, fn, expected) => {
    expect(travellerStatusChange(identifier, fn)).toBe(expected);
  });

  const message = (documentIdentifier?: string) =>
    writePaxlst({
      sender: 'ZZAIR',
      recipient: 'BORDER',
      controlRef: '77',
      messageRef: 'M77',
      kind: 'PASSENGERS',
      transactionRef: 'ZZ77',
      ...(documentIdentifier ? { documentIdentifier } : {}),
      flight: {
        carrier: 'ZZ',
        number: '0042',
        departure: { port: 'LHR', at: '2026-12-06T22:00' },
        arrival: { port: 'JFK', at: '2026-12-07T01:00' },
      },
      travellers: [
        {
          role: 'PASSENGER',
          surname: 'TESTER',
          givenNames: 'AMELIA',
          dateOfBirth: '1985-02-14',
          gender: 'F',
          nationality: 'GBR',
          documents: [{ type: 'P', number: 'TS1234567', issuer: 'GBR', expiry: '2030-01-31' }],
        },
      ],
    });
  const read = (bytes: string) => readMessage(Buffer.from(bytes)).messages[0];

  it.each([
    ['XR', 'CANCELLED'],
    ['CLNB', 'OFFLOADED'],
  ])('reads BGM+745+%s as %s, keeping the flight, travellers and their ids', (code, state) => {
    const change = read(message(code));
    const original = read(message());
    expect(change.manifest.travellerStatus).toBe(state);
    expect(original.manifest.travellerStatus).toBeUndefined();
    expect(change.manifest.manifestId).toBe(original.manifest.manifestId);
    expect(change.travellers[0].travellerId).toBe(original.travellers[0].travellerId);
    expect(change.manifest.transactionRef).toBe('ZZ77');
  });

  it('reads the BGM+745+CP fixtures as ordinary lists', () => {
    const bytes = message().replace("BGM+745'", "BGM+745+CP'");
    expect(bytes).toContain("BGM+745+CP'");
    expect(read(bytes).manifest.travellerStatus).toBeUndefined();
  });

  it('reads a cancellation by message function (BGM+745++1)', () => {
    const bytes = message().replace("BGM+745'", "BGM+745++1'");
    expect(read(bytes).manifest.travellerStatus).toBe('CANCELLED');
  });

  it('reads JSON travellerStatus', () => {
    const json = {
      format: 'paxscreen.manifest',
      version: 1,
      kind: 'PASSENGERS',
      travellerStatus: 'OFFLOADED',
      flight: {
        carrier: 'ZZ',
        number: '42',
        departure: { port: 'LHR', at: '2026-12-06T22:00' },
        arrival: { port: 'JFK', at: '2026-12-07T01:00' },
      },
      travellers: [{ surname: 'TESTER', givenNames: 'AMELIA', dateOfBirth: '1985-02-14' }],
    };
    expect(read(JSON.stringify(json)).manifest.travellerStatus).toBe('OFFLOADED');
    expect(() => read(JSON.stringify({ ...json, travellerStatus: 'GONE' }))).toThrow();
  });
});
