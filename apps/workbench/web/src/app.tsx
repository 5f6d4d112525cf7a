import { useEffect, useState } from 'react';

import { AlertBell } from './alerts/alert-bell';
import { SubscriptionsPage } from './alerts/subscriptions-page';
import { FlightPage } from './flight/flight-page';
import { HitPage } from './hit/hit-page';
import { LoginPage } from './login/login-page';
import { LookoutsPage } from './lookouts/lookouts-page';
import { QueuePage } from './queue/queue-page';
import { SearchPage } from './search/search-page';
import { type Session, tokenStore, whenUnauthorised } from './shared/api';
import { href, useRoute } from './shared/route';
import { TravellerPage } from './traveller/traveller-page';

/** Pages in the menu, and who may use them (the servers decide; the menu only avoids dead ends). */
const NAV: [string, string, string[]][] = [
  ['queue', 'Queue', ['analyst', 'supervisor']],
  ['lookouts', 'Lookouts', ['analyst', 'supervisor', 'officer']],
  ['search', 'Search', ['analyst', 'supervisor', 'officer']],
];
const worksQueue = (s: Session) => s.roles.some((r) => r === 'analyst' || r === 'supervisor');

export function App() {
  const [session, setSession] = useState<Session | null>(tokenStore.load);
  const route = useRoute();
  useEffect(
    () =>
      whenUnauthorised(() => {
        tokenStore.clear();
        setSession(null);
      }),
    [],
  );

  if (!session) return <LoginPage onLogin={() => setSession(tokenStore.load())} />;
  const logout = () => {
    tokenStore.clear();
    setSession(null);
  };
  return (
    <>
      <a className="skip" href="#content">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">paxscreen workbench</span>
        <nav aria-label="Main">
          {NAV.filter(([, , roles]) => session.roles.some((r) => roles.includes(r))).map(([path, label]) => (
            <a key={path} href={href(path)} aria-current={route[0] === path ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <AlertBell token={session.token} />
        <span className="who" title={session.roles.join(', ')}>
          {session.subject} · {session.roles.join(', ')}
          {session.post ? ` · ${session.post}` : ''}
        </span>
        <button type="button" className="secondary" onClick={logout}>
          Sign out
        </button>
      </header>
      <div id="content" tabIndex={-1}>
        <Page route={route} session={session} />
      </div>
    </>
  );
}

function Page({ route, session }: { route: string[]; session: Session }) {
  const [page, a, b, c] = route;
  switch (page) {
    case 'hits':
      return <HitPage key={a} hitId={a} subject={session.subject} />;
    case 'flights':
      return <FlightPage carrier={a} number={b} date={c} />;
    case 'travellers':
      return <TravellerPage travellerId={a} />;
    case 'search':
      return <SearchPage />;
    case 'lookouts':
      return <LookoutsPage session={session} />;
    case 'alert-settings':
      return <SubscriptionsPage />;
    case 'queue':
      return worksQueue(session) ? <QueuePage /> : <LookoutsPage session={session} />;
    default:
      // Home: the queue for analysts and supervisors, the port's lookouts for officers.
      return worksQueue(session) ? <QueuePage /> : <LookoutsPage session={session} />;
  }
}
