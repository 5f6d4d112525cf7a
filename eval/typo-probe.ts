/**
 * What the one-edit guarantee (issue 18, `LOOKUP_LIMITS.typoGuarantee`) changes for screening
 * (diagnostic): the yente global negatives (all 50,000, as `npm run eval` takes them, or the first
 * `--limit`) against UN + OFAC SDN, searched as `watchlistCheck` asks (the top 5, every entry tied with
 * the fifth, the default floor), with the guarantee off and on in one process: queries with an alert
 * (ALERT, REFER or NO_BOARD) on any candidate, not only the first; candidates returned; CPU per search.
 * Every query alerting only with it on is listed with the entry it added.
 *   scripts/run.sh node -r @swc-node/register eval/typo-probe.ts [--limit N]
 */
import { classify, LOOKUP_LIMITS, MatchIndex, policyFor } from '@paxscreen/matching';

import { listsAndNegatives } from './lib';

const SCREENING = { limit: 5, ties: true };

async function main(): Promise<void> {
  const at = process.argv.indexOf('--limit');
  const limit = at > 0 ? Number(process.argv[at + 1]) : Infinity;
  const { entries, negatives: qs } = await listsAndNegatives(limit);
  const index = new MatchIndex();
  for (const e of entries) index.add(e);
  const alerts: Record<string, string[][]> = {};
  for (const on of [false, true, false, true]) {
    LOOKUP_LIMITS.typoGuarantee = on;
    let candidates = 0;
    const cpu = process.cpuUsage();
    const found = qs.map((q) => {
      const all = index.search(q, SCREENING);
      candidates += all.length;
      return all
        .filter((c) => classify(c, policyFor(c.listId)) !== 'NONE')
        .map((c) => `${c.listId}/${c.entryId} ${c.name} ${c.score.toFixed(3)} (${c.explanation})`);
    });
    const used = process.cpuUsage(cpu);
    alerts[String(on)] = found;
    console.log(
      JSON.stringify({
        typoGuarantee: on,
        queries: qs.length,
        alerting: found.filter((a) => a.length > 0).length,
        alerts: found.reduce((n, a) => n + a.length, 0),
        candidatesPerQuery: Math.round((candidates / qs.length) * 1000) / 1000,
        cpuUsPerSearch: Math.round((used.user + used.system) / qs.length),
      }),
    );
  }
  qs.forEach((q, i) => {
    const added = alerts.true[i].filter((a) => !alerts.false[i].includes(a));
    const gone = alerts.false[i].filter((a) => !alerts.true[i].includes(a));
    const name = q.fullName ?? `${q.givenNames} ${q.surname}`;
    for (const a of added) console.log('NEW', name, '→', a);
    for (const a of gone) console.log('GONE', name, '→', a);
  });
}
void main();
