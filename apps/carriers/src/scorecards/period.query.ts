import { IsOptional, Matches } from 'class-validator';

import { ContractViolation, FULL_DATE_PATTERN, validateContract } from '@paxscreen/contracts';
import { ApiError } from '@paxscreen/http';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

/** `?from=&to=` (flight days, YYYY-MM-DD) and an optional carrier, validated. */
export class PeriodQuery {
  @IsOptional() @Matches(FULL_DATE_PATTERN) from?: string;
  @IsOptional() @Matches(FULL_DATE_PATTERN) to?: string;
  @IsOptional() @Matches(/^[A-Z0-9]{2}[A-Z]?$/) carrier?: string;
}

export interface Period {
  from: string;
  to: string;
  carrier?: string;
}

/** The period asked for: by default the seven flight days up to today (by the service's clock). */
export function periodOf(query: Record<string, unknown>, now: number): Period {
  let q: PeriodQuery;
  try {
    q = validateContract(PeriodQuery, { ...query });
  } catch (err) {
    if (err instanceof ContractViolation) throw new ApiError(400, 'INVALID_QUERY', err.message);
    throw err;
  }
  for (const d of [q.from, q.to])
    if (d !== undefined && (Number.isNaN(Date.parse(d)) || new Date(d).toISOString().slice(0, 10) !== d))
      throw new ApiError(400, 'INVALID_QUERY', 'from and to are real YYYY-MM-DD dates');
  const to = q.to ?? new Date(now).toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(to) - 6 * DAY_MS).toISOString().slice(0, 10);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (!Number.isFinite(days) || days < 0 || days >= MAX_DAYS)
    throw new ApiError(400, 'INVALID_PERIOD', `from … to is 1 to ${MAX_DAYS} real days, from first`);
  return { from, to, ...(q.carrier ? { carrier: q.carrier } : {}) };
}
