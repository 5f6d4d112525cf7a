import type { HitDetail } from '@paxscreen/contracts';

import { api } from '../shared/api';

/** Claim (exclusive; a stale version or another analyst's claim answers 409) and release. */
export function ClaimBar({
  hit,
  mine,
  act,
}: {
  hit: HitDetail;
  mine: boolean;
  act: (w: () => Promise<unknown>) => Promise<void>;
}) {
  const post = (what: 'claim' | 'release') => () =>
    act(() =>
      api(`/v1/casework/hits/${encodeURIComponent(hit.hitId)}/${what}`, {
        method: 'POST',
        body: { version: hit.version },
      }),
    );
  return (
    <div className="row">
      {hit.status === 'NEW' && (
        <button type="button" onClick={() => void post('claim')()}>
          Claim
        </button>
      )}
      {mine && (
        <button type="button" className="secondary" onClick={() => void post('release')()}>
          Release
        </button>
      )}
    </div>
  );
}
