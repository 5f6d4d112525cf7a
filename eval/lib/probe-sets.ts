import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WatchlistEntry } from '@paxscreen/contracts';
import { countryCode, readListFile } from '@paxscreen/lists';
import { type MatchQuery, readYenteQueries } from '@paxscreen/matching';

const LISTS = join(__dirname, '..', '..', 'data', 'lists');

/** UN + OFAC SDN entries and the yente global negatives (the first `limit`), as the issue-18 probes take them. */
export async function listsAndNegatives(
  limit = Infinity,
): Promise<{ entries: WatchlistEntry[]; negatives: MatchQuery[] }> {
  const entries: WatchlistEntry[] = [];
  for (const f of ['UN_consolidated.xml', 'ofac_sdn_2021']) {
    const r = await readListFile(join(LISTS, f));
    if (r.kind === 'watchlist') entries.push(...r.entries);
  }
  const negatives = readYenteQueries(
    readFileSync(join(LISTS, 'eval', 'yente_cgb_negatives_global.csv'), 'utf8'),
    (v: string) => countryCode(v),
  ).slice(0, limit);
  return { entries, negatives };
}
