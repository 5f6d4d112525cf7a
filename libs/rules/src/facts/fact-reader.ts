import type { Traveller } from '@paxscreen/contracts';

import { FACTS, FactScope, FactValue } from './fact-catalogue';
import { journeyOf } from './journey';
import { Day, localDay } from './partial-date';

const UNREAD: unique symbol = Symbol('unread');

/**
 * Reads the facts of one traveller for one evaluation, each at most once, however many rules
 * test it. A fact whose reader throws (a malformed traveller that slipped past validation) reads
 * as unknown: bad input makes rules not fire, it never stops screening.
 */
export class FactReader implements FactScope {
  private readonly values: (FactValue | undefined | typeof UNREAD)[] = new Array(FACTS.length).fill(UNREAD);
  private journeyLegs: ReturnType<typeof journeyOf> | undefined;
  private arrival: Day | undefined | typeof UNREAD = UNREAD;

  constructor(
    readonly traveller: Traveller,
    readonly coTravellerLinks?: readonly string[],
  ) {}

  /** The value of the fact at `index` in FACTS, or undefined when the traveller does not carry it. */
  read(index: number): FactValue | undefined {
    const cached = this.values[index];
    if (cached !== UNREAD) return cached;
    let value: FactValue | undefined;
    try {
      value = FACTS[index].read(this);
    } catch {
      value = undefined;
    }
    this.values[index] = value;
    return value;
  }

  journey(): ReturnType<typeof journeyOf> {
    return (this.journeyLegs ??= journeyOf(this.traveller));
  }

  /** Local arrival day of the reported flight: what "at arrival" means for ages and expiry. */
  arrivalDay(): Day | undefined {
    if (this.arrival === UNREAD) {
      const at = this.traveller.flight?.arrival?.at;
      this.arrival = at ? localDay(at) : undefined;
    }
    return this.arrival;
  }
}
