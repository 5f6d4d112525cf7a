/**
 * The workbench's calls: same origin (the BFF proxies casework, records and the gateway), the
 * staff token in the Authorization header, errors as `ApiFailure` with the server's stable code.
 * The token lives in sessionStorage: it goes when the tab closes and is never in a URL.
 */
const TOKEN_KEY = 'paxscreen.workbench.token';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export interface Session {
  token: string;
  subject: string;
  roles: string[];
  post?: string;
}

/** Reads the claims the UI shows (who, which roles); the server verifies the token on every call. */
export function sessionOf(token: string): Session | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      sub?: string;
      roles?: string[];
      post?: string;
      exp?: number;
    };
    if (!payload.sub || (payload.exp && payload.exp * 1000 < Date.now())) return null;
    return { token, subject: payload.sub, roles: payload.roles ?? [], post: payload.post };
  } catch {
    return null;
  }
}

export const tokenStore = {
  load: (): Session | null => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return token ? sessionOf(token) : null;
  },
  save: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

let onUnauthorised: () => void = () => undefined;
export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const session = tokenStore.load();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  const text = await res.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const { code, message } = (body ?? {}) as { code?: string; message?: string };
    if (res.status === 401) onUnauthorised();
    throw new ApiFailure(res.status, code ?? `HTTP_${res.status}`, message ?? res.statusText, body);
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

/** Builds a query string from the filters that are set. */
export function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
