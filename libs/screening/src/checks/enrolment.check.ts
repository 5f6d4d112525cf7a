import type { Enrolment, Reason, Traveller } from '@paxscreen/contracts';

import { Check, CheckContext } from './context';
import { foldedNote } from './folded-note';

function sameIdentity(e: Enrolment, t: Traveller): boolean {
  return e.nationality === t.nationality && !!t.dateOfBirth && e.dateOfBirth === t.dateOfBirth;
}

function validOn(e: Enrolment, date: string): boolean {
  return e.validFrom <= date && date <= e.validTo;
}

function reason(e: Enrolment, ctx: CheckContext, action: 'EXPEDITE' | 'CLEAR', explanation: string): Reason {
  return {
    kind: e.kind === 'ABTC' ? 'ABTC' : 'TRUSTED_TRAVELLER',
    action,
    source: { listId: e.listId, entryId: e.entryId, listVersion: ctx.state.listVersions()[e.listId] },
    score: 1,
    matchedFields: ['document.number', 'document.issuer', 'nationality', 'dateOfBirth'],
    explanation,
    label: e.programme,
  };
}

/**
 * Trusted-traveller enrolments and APEC Business Travel Cards: matched on document (issuer +
 * number) + nationality + birth date; valid on the arrival date; an ABTC must be pre-cleared for
 * this economy, a TTP that names economies must name this one. A card that fails a condition is
 * recorded (action CLEAR) so the officer sees why no expedite was given.
 */
export const enrolmentCheck: Check = (traveller, ctx) => {
  const reasons: Reason[] = [];
  const home = ctx.config.homeEconomy;
  for (const doc of traveller.documents) {
    if (!doc.number) continue;
    for (const e of ctx.state.enrolmentsFor(doc.issuer, doc.number)) {
      if (!sameIdentity(e, traveller)) continue;
      const name = e.kind === 'ABTC' ? 'APEC Business Travel Card' : e.programme;
      const note = foldedNote(doc, traveller);
      if (!validOn(e, ctx.arrivalDate)) {
        reasons.push(
          reason(
            e,
            ctx,
            'CLEAR',
            `${name} is not valid on ${ctx.arrivalDate} (valid ${e.validFrom} to ${e.validTo})${note}`,
          ),
        );
      } else if (e.kind === 'ABTC' && !e.preClearedEconomies.includes(home)) {
        reasons.push(reason(e, ctx, 'CLEAR', `${name} is valid but not pre-cleared for ${home}${note}`));
      } else if (
        e.kind === 'TTP' &&
        e.preClearedEconomies.length > 0 &&
        !e.preClearedEconomies.includes(home)
      ) {
        reasons.push(reason(e, ctx, 'CLEAR', `${name} does not apply to ${home}${note}`));
      } else {
        const scope = e.kind === 'ABTC' ? `, pre-cleared for ${home}` : '';
        reasons.push(
          reason(
            e,
            ctx,
            'EXPEDITE',
            `${name} valid until ${e.validTo}${scope}; document, nationality and birth date agree${note}`,
          ),
        );
      }
    }
  }
  return reasons;
};
