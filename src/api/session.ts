import * as z from 'zod/mini';
import { base64 } from '@/lib/base64';
import { ApiError, NetworkError } from '@/api/errors';
import { API_BASE, apiReady, readBody } from '@/api/request';
import { readStoredJson } from '@/api/stored-json';

const SESSION_KEY = 'integrator-console:session';

// 1NCE's spec and its example disagree on userId/scope; only these three fields matter.
const tokenResponseSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.optional(z.string()),
  expires_in: z.catch(z.coerce.number().check(z.positive()), 3600),
});

const sessionSchema = z.object({
  token: z.string(),
  expiresAt: z.number(),
  username: z.string(),
});
type Session = z.infer<typeof sessionSchema>;

/** Why the console asks for the password again. */
type ReauthReason = 'expiring' | 'expired';

interface State {
  session: Session | null;
  reauth: ReauthReason | null;
}

// The token lives in memory and in this tab's sessionStorage (so a reload keeps the session);
// never in localStorage, and the password is never kept at all.
let state: State = { session: readStored(), reauth: null };
const listeners = new Set<() => void>();
let waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];

function readStored(): Session | null {
  return readStoredJson(sessionStorage, SESSION_KEY, sessionSchema) ?? null;
}

function setState(next: Partial<State>) {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  get: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function validToken(now = Date.now()): string | undefined {
  const { session } = state;
  return session && session.expiresAt > now ? session.token : undefined;
}

export async function signIn(username: string, password: string): Promise<Session> {
  await apiReady();
  let response: Response;
  try {
    response = await fetch(new URL(`${API_BASE}/oauth/token`, window.location.origin), {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: `Basic ${base64(`${username}:${password}`)}`,
      },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const json = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, response.statusText, json);
  const token = tokenResponseSchema.parse(json);
  const session: Session = {
    token: token.access_token,
    expiresAt: Date.now() + token.expires_in * 1000,
    username,
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  setState({ session, reauth: null });
  const resolved = waiting;
  waiting = [];
  resolved.forEach(({ resolve }) => resolve());
  return session;
}

export function signOut() {
  sessionStorage.removeItem(SESSION_KEY);
  cancelReauthentication();
  setState({ session: null });
}

/**
 * Resolves once the user has signed in again (the UI shows a dialog while `reauth` is set), so a
 * request that met a 401 can be sent again with everything the user typed still in place.
 */
export function reauthenticate(reason: ReauthReason = 'expired'): Promise<void> {
  setState({ reauth: reason });
  return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
}

/** Asks for the password before the token runs out, without holding up any request. */
export function warnBeforeExpiry() {
  if (!state.reauth) setState({ reauth: 'expiring' });
}

/**
 * The state as when this module loads (from what sessionStorage holds), with nobody waiting; for
 * unit tests that share this module between files (vite.config.ts: no isolation).
 */
export function resetSession() {
  waiting = [];
  setState({ session: readStored(), reauth: null });
}

export function cancelReauthentication() {
  const rejected = waiting;
  waiting = [];
  rejected.forEach(({ reject }) =>
    reject(new ApiError(401, 'Unauthorized', { message: 'Sign in again to continue.' })),
  );
  if (state.reauth) setState({ reauth: null });
}
