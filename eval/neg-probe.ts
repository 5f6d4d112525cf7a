/**
 * Which issue-18 candidate fix makes a yente negative alert (diagnostic): the negatives (all 50,000,
 * as `npm run eval` takes them, or the first `--limit`) against UN + OFAC SDN with neither fix (old),
 * with the rare-spelling edit look-up only (A), with the length credit only (B), and with both (as
 * shipped); every query alerting with both but not with neither is listed with the fix it needs and
 * the alert's explanation.
 *   scripts/run.sh node -r @swc-node/register eval/neg-probe.ts [--limit N]
 */
import { classify, LOOKUP_LIMITS, MatchIndex, policyFor } from '@paxscreen/matching';

import { listsAndNegatives } from './lib';

const SHIPPED = {
  maxExactHoldersForEdits: LOOKUP_LIMITS.maxExactHoldersForEdits,
  lengthCredit: LOOKUP_LIMITS.lengthCredit,
};

async function main(): Promise<void> {
  const at = process.argv.indexOf('--limit');
  const limit = at > 0 ? Number(process.argv[at + 1]) : Infinity;
  const { entries, negatives: qs } = await listsAndNegatives(limit);
  const configs: [string, number, number][] = [
    ['old', 0, 0],
    ['A', SHIPPED.maxExactHoldersForEdits, 0],
    ['B', 0, SHIPPED.lengthCredit],
    ['both', SHIPPED.maxExactHoldersForEdits, SHIPPED.lengthCredit],
  ];
  const results: Record<string, string[]> = {};
  for (const [name, holders, credit] of configs) {
    LOOKUP_LIMITS.maxExactHoldersForEdits = holders;
    LOOKUP_LIMITS.lengthCredit = credit;
    const index = new MatchIndex();
    for (const e of entries) index.add(e);
    results[name] = qs.map((q) => {
      const [top] = index.search(q, { limit: 1 });
      return top && classify(top, policyFor(top.listId)) !== 'NONE'
        ? `${top.listId}/${top.entryId} ${top.name} ${top.score.toFixed(3)} (${top.explanation})`
        : '';
    });
    console.log(name, results[name].filter(Boolean).length, 'of', qs.length);
  }
  const only = (a: string, b: string) =>
    qs.flatMap((q, i) => (results[a][i] && !results[b][i] ? [[q, results[a][i]] as const] : []));
  for (const [q, alert] of only('both', 'old')) {
    const i = qs.indexOf(q);
    const by = [results.A[i] ? 'A' : '', results.B[i] ? 'B' : ''].join('') || 'A+B together';
    console.log('NEW', by, q.fullName ?? `${q.givenNames} ${q.surname}`, '→', alert);
  }
  for (const [q, alert] of only('old', 'both'))
    console.log('GONE', q.fullName ?? `${q.givenNames} ${q.surname}`, '→', alert);
}
void main();
