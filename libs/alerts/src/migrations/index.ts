import type { Migration } from '@paxscreen/postgres';

import { alertsSubscriptions } from './20261206-1600-alerts-subscriptions';
import { alertsDeliveries } from './20261206-1601-alerts-deliveries';

/** Every alerts migration, oldest first; forward only (a shipped one is never edited). */
export const ALERTS_MIGRATIONS: readonly Migration[] = [alertsSubscriptions, alertsDeliveries];
