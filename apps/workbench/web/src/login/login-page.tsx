import { type FormEvent, useState } from 'react';

import { api, ApiFailure, sessionOf, tokenStore } from '../shared/api';
import { ErrorNote } from '../shared/ui';

const ROLES = ['analyst', 'supervisor', 'officer'] as const;

/**
 * Sign-in: paste a staff token (from the identity provider, or `paxscreen token --role analyst`
 * in development), or, where the server enables it (WORKBENCH_DEV_LOGIN=true), ask for a
 * development token for a role.
 */
export function LoginPage({ onLogin }: { onLogin: () => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<Error>();

  const useToken = (value: string) => {
    const session = sessionOf(value.trim());
    if (!session) {
      setError(new Error('that is not a valid, unexpired staff token'));
      return;
    }
    tokenStore.save(session.token);
    onLogin();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    useToken(token);
  };

  const devLogin = async (role: (typeof ROLES)[number]) => {
    try {
      const answer = await api<{ token: string }>('/v1/workbench/dev-login', {
        method: 'POST',
        body: { role },
      });
      useToken(answer.token);
    } catch (err) {
      setError(
        err instanceof ApiFailure && err.status === 404
          ? new Error('development login is not enabled on this server: paste a token')
          : (err as Error),
      );
    }
  };

  return (
    <main className="login">
      <h1>paxscreen workbench</h1>
      <form onSubmit={submit} className="panel">
        <label htmlFor="token">Staff token</label>
        <textarea
          id="token"
          name="token"
          rows={4}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder="eyJ… (paxscreen token --role analyst)"
          autoFocus
          spellCheck={false}
        />
        <button type="submit">Sign in</button>
      </form>
      <section className="panel" aria-labelledby="dev-title">
        <h2 id="dev-title">Development login</h2>
        <p className="muted">Only where the server runs with WORKBENCH_DEV_LOGIN=true (the demo).</p>
        <div className="row">
          {ROLES.map((role) => (
            <button key={role} type="button" className="secondary" onClick={() => void devLogin(role)}>
              Sign in as {role}
            </button>
          ))}
        </div>
      </section>
      <ErrorNote error={error} />
    </main>
  );
}
