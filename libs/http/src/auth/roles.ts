/**
 * Roles carried in officer / staff tokens. What each may do (the authorisation matrix, tested in
 * apps/gateway/test):
 * - officer:    port-of-entry look-ups (by document, by MRZ)
 * - supervisor: everything an officer may, plus unmasking PNR data (audited); carrier scorecards
 * - admin:      list imports and the list catalogue; schedule imports and carrier webhooks (apps/carriers)
 * - operator:   the operations dashboard and metrics views; carrier scorecards; no personal data
 * - analyst:    the system of record's views and searches (apps/records; every read audited)
 * - auditor:    audit queries (who looked at whom, when, why)
 */
export const ROLES = ['officer', 'supervisor', 'admin', 'operator', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
