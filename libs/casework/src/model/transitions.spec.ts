import { CaseworkError } from './errors';
import { applyDecision, HitRecord } from './hit';
import { decisionEvent, NOW, POLICY } from './hit.factories';
import { Actor, claim, decide, DispositionInput, encounter, release } from './transitions';
import { lookoutOf } from './alerts';

const analyst: Actor = { subject: 'ana', roles: ['analyst'] };
const other: Actor = { subject: 'bob', roles: ['analyst'] };
const supervisor: Actor = { subject: 'sue', roles: ['supervisor'] };
const fresh = (): HitRecord => applyDecision(undefined, decisionEvent('REFER'), NOW, POLICY).hit!;
const KEY = 'WATCHLIST:UN:QDi.001';
const input = (over: Partial<DispositionInput> = {}): DispositionInput => ({
  version: 1,
  reasons: [{ reasonKey: KEY, verdict: 'FALSE_POSITIVE' }],
  outcome: 'CLEARED',
  note: 'different person: birth place and passport differ',
  ...over,
});

function refusal(action: () => unknown): Pick<CaseworkError, 'status' | 'code'> & { current?: unknown } {
  try {
    action();
  } catch (err) {
    if (err instanceof CaseworkError) return { status: err.status, code: err.code, current: err.current };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('hit state machine', () => {
  it('claims NEW → IN_REVIEW and bumps the version', () => {
    expect(claim(fresh(), analyst, 1, NOW)).toMatchObject({
      status: 'IN_REVIEW',
      claimedBy: 'ana',
      version: 2,
    });
  });

  it('refuses a second claim (ALREADY_CLAIMED, with the current state) and a stale one (STALE_VERSION)', () => {
    const held = claim(fresh(), analyst, 1, NOW);
    expect(refusal(() => claim(held, other, 2, NOW))).toMatchObject({
      status: 409,
      code: 'ALREADY_CLAIMED',
      current: { claimedBy: 'ana', version: 2 },
    });
    expect(refusal(() => claim(fresh(), other, 7, NOW))).toMatchObject({
      status: 409,
      code: 'STALE_VERSION',
      current: { version: 1 },
    });
  });

  it('releases back to NEW; only the holder or a supervisor', () => {
    const held = claim(fresh(), analyst, 1, NOW);
    expect(refusal(() => release(held, other, 2, NOW)).code).toBe('ALREADY_CLAIMED');
    expect(release(held, supervisor, 2, NOW)).toMatchObject({ status: 'NEW', version: 3 });
    const back = release(held, analyst, 2, NOW);
    expect(back.claimedBy).toBeUndefined();
    expect(refusal(() => release(back, analyst, 3, NOW)).code).toBe('NOT_CLAIMED');
  });

  it.each([
    ['no note', analyst, input({ note: '  ' }), 400, 'NOTE_REQUIRED'],
    [
      'DENY_BOARDING by an analyst',
      analyst,
      input({ outcome: 'DENY_BOARDING', legalBasis: 'Act s.1' }),
      403,
      'SUPERVISOR_REQUIRED',
    ],
    [
      'DENY_BOARDING without a legal basis',
      supervisor,
      input({ outcome: 'DENY_BOARDING' }),
      400,
      'LEGAL_BASIS_REQUIRED',
    ],
    [
      'a verdict on a reason the hit has not',
      analyst,
      input({ reasons: [{ reasonKey: 'RULE:x:y', verdict: 'TRUE_MATCH' }] }),
      400,
      'UNKNOWN_REASON',
    ],
    ['a stale version', analyst, input({ version: 5 }), 409, 'STALE_VERSION'],
  ] as const)('refuses a disposition with %s', (_, actor, bad, status, code) =>
    expect(refusal(() => decide(fresh(), bad, actor, NOW, 'disp-1'))).toMatchObject({ status, code }),
  );

  it('decides with verdicts per reason; FALSE_POSITIVE reasons are returned for publication', () => {
    const effect = decide(fresh(), input(), analyst, NOW, 'disp-1');
    expect(effect.hit).toMatchObject({ status: 'DECIDED', version: 2, claimedBy: 'ana' });
    expect(effect.hit.reasons[0].verdict).toBe('FALSE_POSITIVE');
    expect(effect.falsePositives.map((r) => r.reasonKey)).toEqual([KEY]);
    expect(effect.disposition).toMatchObject({ dispositionId: 'disp-1', outcome: 'CLEARED', analyst: 'ana' });
  });

  it('lets a supervisor deny boarding with a legal basis; nobody decides a hit someone else holds or a decided one', () => {
    const denied = decide(
      fresh(),
      input({ outcome: 'DENY_BOARDING', legalBasis: 'Migration Act s.42', reasons: [] }),
      supervisor,
      NOW,
      'd',
    );
    expect(denied.disposition.legalBasis).toBe('Migration Act s.42');
    const held = claim(fresh(), other, 1, NOW);
    expect(refusal(() => decide(held, input({ version: 2 }), analyst, NOW, 'd')).code).toBe(
      'ALREADY_CLAIMED',
    );
    expect(refusal(() => claim(denied.hit, analyst, 2, NOW)).code).toBe('HIT_CLOSED');
  });

  it('closes the hit and the lookout on an encounter, once', () => {
    const decided = decide(
      fresh(),
      input({ outcome: 'LOOKOUT', reasons: [{ reasonKey: KEY, verdict: 'TRUE_MATCH' }] }),
      analyst,
      NOW,
      'd',
    ).hit;
    const lookout = lookoutOf(decided, 'l1', 'refer at the desk', 'ana', NOW);
    expect(lookout).toMatchObject({ port: 'SYD', status: 'OPEN', documentKeys: ['SYR:N0001'] });
    const done = encounter(lookout, decided, 'NEGATIVE', { subject: 'off', roles: ['officer'] }, NOW);
    expect(done.hit.status).toBe('CLOSED');
    expect(done.lookout).toMatchObject({ status: 'CLOSED', result: 'NEGATIVE', encounteredBy: 'off' });
    expect(refusal(() => encounter(done.lookout, done.hit, 'POSITIVE', supervisor, NOW)).code).toBe(
      'LOOKOUT_CLOSED',
    );
  });
});
