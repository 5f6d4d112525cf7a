/**
 * Which issue-18 candidate fix makes a yente negative alert (diagnostic): the first 25,000 negatives against
 * UN + OFAC SDN with neither fix, with the rare-spelling edit look-up only (A), with the length credit only (B).
 *   scripts/run.sh node -r @swc-node/register eval/neg-probe.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WatchlistEntry } from '@paxscreen/contracts';
import { countryCode, readListFile } from '@paxscreen/lists';
import { classify, LOOKUP_LIMITS, MatchIndex, policyFor, readYenteQueries } from '@paxscreen/matching';
async function main(): Promise<void> {
  const entries: WatchlistEntry[] = [];
  for (const f of ['UN_consolidated.xml', 'ofac_sdn_2021']) {
    const r = await readListFile(join(__dirname, '..', 'data', 'lists', f));
    if (r.kind === 'watchlist') entries.push(...r.entries);
  }
  const qs = readYenteQueries(
    readFileSync(join(__dirname, '..', 'data', 'lists', 'eval', 'yente_cgb_negatives_global.csv'), 'utf8'),
    (v: string) => countryCode(v),
  ).slice(0, 25000);
  const configs: [string, number, number][] = [
    ['old', 0, 0],
    ['A', 8, 0],
    ['B', 0, -0.01],
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
        ? `${top.listId}/${top.entryId} ${top.name} ${top.score.toFixed(2)}`
        : '';
    });
    console.log(name, results[name].filter(Boolean).length);
  }
  for (const n of ['A', 'B'])
    qs.forEach((q, i) => {
      if (results[n][i] && !results.old[i])
        console.log(n, 'NEW', q.fullName ?? `${q.givenNames} ${q.surname}`, '→', results[n][i]);
    });
}
void main();
