import { useEffect, useState } from 'react';

/**
 * Hash routes (`#/hits/<id>`): the server serves one page, the browser history and the back key
 * work, and no path ever reaches the server with a traveller id in it.
 */
export function useRoute(): string[] {
  const read = () =>
    (window.location.hash.replace(/^#\/?/, '') || 'queue').split('/').map(decodeURIComponent);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const changed = () => setParts(read());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return parts;
}

export const href = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;

export function go(...parts: string[]): void {
  window.location.hash = href(...parts);
}
