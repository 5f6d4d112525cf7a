import type { Alert } from '@paxscreen/contracts';

/** How an alert reaches its subscriber. */
export const ALERT_CHANNELS = ['LIVE', 'WEBHOOK', 'EMAIL'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/**
 * One standing request to hear about alerts. Empty filters mean "any": a subscription with no
 * ports and no lists hears every alert (a national operations centre); `ports: ['SYD']` hears
 * every alert for Sydney; `ports: ['SYD'], listIds: ['UN']` only Sydney's UN-list hits.
 */
export interface Subscription {
  subscriptionId: string;
  /** The staff user (token subject) who made it and who sees it live; never a name. */
  owner: string;
  channel: AlertChannel;
  ports: string[];
  listIds: string[];
  kinds: Alert.AlertKind[];
  /** Webhook URL (WEBHOOK) or e-mail address (EMAIL); null for LIVE. */
  target: string | null;
  /** Webhook signing secret (WEBHOOK only); never returned by the API after creation. */
  secret: string | null;
  createdAt: string;
}

/** The part of an alert routing looks at. */
export type RoutedAlert = Pick<Alert.Value, 'kind' | 'port' | 'listIds'> & {
  flight?: Pick<Alert.AlertFlight, 'origin' | 'destination'>;
};

const anyOrIncludes = (filter: readonly string[], value: string) =>
  filter.length === 0 || filter.includes(value);

/**
 * The ports an alert is for: its `port`, and both ends of the flight when the alert names them
 * (carrier alerts: a missing API list matters at the departure port as well as the arrival one).
 */
export function alertPorts(alert: RoutedAlert): string[] {
  return [alert.port, alert.flight?.origin, alert.flight?.destination].filter(
    (p): p is string => p !== undefined && p !== '',
  );
}

/** Whether `subscription` hears `alert`: every non-empty filter must agree. */
export function subscriptionMatches(subscription: Subscription, alert: RoutedAlert): boolean {
  return (
    (subscription.ports.length === 0 || alertPorts(alert).some((p) => subscription.ports.includes(p))) &&
    anyOrIncludes(subscription.kinds, alert.kind) &&
    (subscription.listIds.length === 0 || alert.listIds.some((l) => subscription.listIds.includes(l)))
  );
}

/** The subscriptions among `all` that hear `alert`, on the given channels. */
export function routeAlert(
  alert: RoutedAlert,
  all: readonly Subscription[],
  channels: readonly AlertChannel[] = ALERT_CHANNELS,
): Subscription[] {
  return all.filter((s) => channels.includes(s.channel) && subscriptionMatches(s, alert));
}

/**
 * Who sees an alert live in the workbench: a user with LIVE subscriptions sees what they match; a
 * user without any sees the alerts of the port their token names (`post`), or every alert when the
 * token names none (a national centre). The bell is never silent for a user who set nothing up.
 */
export function seesLive(
  alert: RoutedAlert,
  liveSubscriptions: readonly Subscription[],
  post: string | undefined,
): boolean {
  if (liveSubscriptions.length > 0) return liveSubscriptions.some((s) => subscriptionMatches(s, alert));
  return post === undefined || alertPorts(alert).includes(post);
}
