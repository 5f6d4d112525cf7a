import { availableParallelism } from 'node:os';

import { IsInt, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';

import { DEFAULT_REVET_WINDOW_HOURS } from '@paxscreen/contracts';
import { isCanonicalCountryCode } from '@paxscreen/lists';

/**
 * A canonical country code as the readers write nationalities (ISO 3166-1 alpha-3, or the ICAO code
 * where ISO has none), so that it compares equal to a traveller's. Required: it changes decisions,
 * so a missing or mistyped value stops the start instead of screening for the wrong economy.
 */
function IsHomeEconomy(): PropertyDecorator {
  return ValidateBy({
    name: 'isHomeEconomy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCanonicalCountryCode(value),
      defaultMessage: (args) =>
        args?.value === ''
          ? 'is required: the ISO 3166-1 alpha-3 code of the economy screened for (e.g. USA, AUS); there is no default'
          : `${JSON.stringify(String(args?.value).slice(0, 40))} is not an ISO 3166-1 alpha-3 country code (upper case, e.g. USA, AUS)`,
    },
  });
}

/** More matching threads than this is a typo, not a machine (each holds a whole watchlist index). */
const MAX_MATCH_THREADS = 64;

/**
 * Matching threads by default: one per core the process may use, at most 4 (each holds a whole
 * watchlist index); none on one core, where a thread only adds copying. Measured on 2 cores
 * (bench/README.md, "matching on more than one core"): 2 threads raised capacity by about a quarter.
 */
export function defaultMatchThreads(cores = availableParallelism()): number {
  return cores < 2 ? 0 : Math.min(cores, 4);
}

export class ScreeningEnv {
  @IsInt() @Min(0) @Max(65535) SCREENING_PORT = 8082;
  /** ISO alpha-3 of the economy screened for (ABTC pre-clearance, TTP scope); required, no default. */
  @IsHomeEconomy() SCREENING_HOME_ECONOMY = '';
  /**
   * Name of this instance (its Kafka client id, in broker logs). Transactional ids are per input
   * partition and the same on every instance: whoever is given a partition fences its previous
   * owner's producer and unfinished transaction (libs/kafka PartitionTransactions).
   */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/) SCREENING_INSTANCE_ID = 'screening-1';
  /** JSON file with per-list policies `[{ listId, alert, refer, noBoard? }]`; empty = defaults. */
  @IsString() SCREENING_POLICY_FILE = '';
  /** How long the hot path keeps a decision (API data: arrival plus a day, then deleted), hours. */
  @IsInt() @Min(1) HOTPATH_TTL_HOURS = 48;
  /**
   * Re-vet travellers arriving up to this many hours ahead; their snapshot is kept this long. The
   * travellers topic must keep as long (the index is rebuilt from it): a longer window stops the start.
   */
  @IsInt() @Min(1) REVET_WINDOW_HOURS = DEFAULT_REVET_WINDOW_HOURS;
  /**
   * How often the re-vetting index's marker is checked, ms: when a Redis flush or restart removed
   * it, the index is rebuilt from the travellers topic (the last REVET_WINDOW_HOURS).
   */
  @IsInt() @Min(100) REVET_INDEX_CHECK_MS = 5000;
  /** List changes arriving within this time are re-vetted together, ms. */
  @IsInt() @Min(0) REVET_DEBOUNCE_MS = 1000;
  /**
   * Largest batch handed to the screening handler, in travellers records: chunks of up to
   * `TravellerParsed.CHUNK_TRAVELLERS` (250) travellers each, so 8 is up to 2,000 travellers.
   */
  @IsInt() @Min(1) SCREENING_MAX_BATCH = 8;
  /**
   * Traveller partitions handled at once, each with its own transaction (0: all this instance
   * owns). One partition's Redis writes and transaction commit overlap another's screening.
   */
  @IsInt() @Min(0) SCREENING_PARTITIONS_IN_FLIGHT = 0;
  /**
   * Identities whose watchlist candidates are remembered (libs/screening MatchCache): a traveller
   * screened again (each PNR push, check-in, re-vetting) skips name matching until a watchlist
   * changes. About 0.3–3 KB each (more for travellers with near matches); 0 turns it off.
   */
  @IsInt() @Min(0) SCREENING_MATCH_CACHE_SIZE = 50_000;
  /**
   * Worker threads that match a batch's travellers (libs/screening MatchPool), each with its own
   * watchlist index (memory: one index per thread, besides this thread's); Kafka, Redis, rules and
   * decisions stay on the main thread. 0: matched on the main thread. Default: one per core, at most
   * 4, none on one core (`defaultMatchThreads`).
   */
  @IsInt() @Min(0) @Max(MAX_MATCH_THREADS) SCREENING_MATCH_THREADS = defaultMatchThreads();
}
