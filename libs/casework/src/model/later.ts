/** What tells two decisions of one traveller apart in time. */
export interface DecisionOrder {
  decisionId: string;
  /** The decision this one replaces: the one authority on which is later. */
  supersedes?: string;
  /** Epoch ms on the clock of the screening instance that decided: a tie-break only. */
  decidedAt: number;
}

/**
 * The latest of one traveller's decisions. A decision another one names in `supersedes` is never
 * it, whatever the clocks say (re-vets and status changes name the decision they replace; the
 * instances deciding may disagree on the time, a re-vet may run on a slow clock). Among the rest
 * (decisions not chained, e.g. made while screening's hot path was empty), the one decided last,
 * then the greater decision id.
 */
export function latestDecision<T extends DecisionOrder>(decisions: readonly T[]): T | undefined {
  const named = new Set(decisions.flatMap((d) => (d.supersedes ? [d.supersedes] : [])));
  let latest: T | undefined;
  for (const d of decisions) {
    if (named.has(d.decisionId)) continue;
    if (
      !latest ||
      d.decidedAt > latest.decidedAt ||
      (d.decidedAt === latest.decidedAt && d.decisionId > latest.decisionId)
    )
      latest = d;
  }
  return latest;
}
