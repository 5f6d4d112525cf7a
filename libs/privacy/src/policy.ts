/**
 * Data-protection settings and the rules they follow (documented in the README):
 * - EU PNR Directive (EU) 2016/681, Art. 12: PNR data is retained for five years; after six months
 *   it is depersonalised by masking the elements that identify a person; re-personalisation only
 *   by an authorised person (here: the supervisor role) and every time logged (audit topic).
 * - API Directive 2004/82/EC, Art. 6: API data is deleted within 24 hours after the travellers'
 *   entry, unless needed later for the exercise of statutory functions.
 */
export interface PrivacyPolicy {
  /** Age at which PNR-derived personal data is masked (default 183 days ≈ six months). */
  pnrMaskAfterMs: number;
  /** Age at which PNR-derived data is deleted (default five years). */
  pnrRetentionMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const PNR_MASK_AFTER_DAYS = 183;
export const PNR_RETENTION_DAYS = 5 * 365 + 1;

export const DEFAULT_PRIVACY_POLICY: PrivacyPolicy = {
  pnrMaskAfterMs: PNR_MASK_AFTER_DAYS * DAY_MS,
  pnrRetentionMs: PNR_RETENTION_DAYS * DAY_MS,
};

export function privacyPolicy(maskAfterDays: number, retentionDays: number): PrivacyPolicy {
  if (!(maskAfterDays >= 0 && retentionDays > maskAfterDays)) {
    throw new Error('PNR retention must be longer than the masking age');
  }
  return { pnrMaskAfterMs: maskAfterDays * DAY_MS, pnrRetentionMs: retentionDays * DAY_MS };
}
