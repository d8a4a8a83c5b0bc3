import { http, HttpResponse } from 'msw';
import {
  cancelReauthentication,
  reauthenticate,
  sessionStore,
  signIn,
  signOut,
  validToken,
} from '@/api/session';
import { server } from '@/mocks/node';

const TOKEN_URL = '*/management-api/oauth/token';

function tokenEndpoint() {
  const calls: { authorization: string | null; body: unknown }[] = [];
  server.use(
    http.post(TOKEN_URL, async ({ request }) => {
      const body = await request.json();
      calls.push({ authorization: request.headers.get('authorization'), body });
      if (request.headers.get('authorization') !== `Basic ${btoa('api-user:s3cret')}`) {
        return HttpResponse.json(
          { statusCode: 400, errorCode: 'BadCredentials', message: 'User does not exist.' },
          { status: 400 },
        );
      }
      return HttpResponse.json({
        status_code: 200,
        access_token: 'token-abc',
        token_type: 'bearer',
        expires_in: 3600,
        user_id: 'user',
      });
    }),
  );
  return calls;
}

afterEach(() => {
  signOut();
  sessionStorage.clear();
  localStorage.clear();
});

describe('session', () => {
  it('signs in with Basic auth and client_credentials, keeping only the token in this tab', async () => {
    const calls = tokenEndpoint();
    const session = await signIn('api-user', 's3cret');
    expect(calls).toEqual([
      {
        authorization: `Basic ${btoa('api-user:s3cret')}`,
        body: { grant_type: 'client_credentials' },
      },
    ]);
    expect(session.token).toBe('token-abc');
    expect(session.expiresAt).toBeGreaterThan(Date.now() + 3590_000);
    expect(validToken()).toBe('token-abc');
    expect(JSON.stringify({ ...sessionStorage })).toContain('token-abc');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('s3cret');
    expect(localStorage.length).toBe(0);
  });

  it('reports bad credentials with the API’s message', async () => {
    tokenEndpoint();
    await expect(signIn('api-user', 'wrong')).rejects.toMatchObject({
      status: 400,
      message: 'User does not exist.',
    });
    expect(validToken()).toBeUndefined();
  });

  it('treats an expired token as none', async () => {
    tokenEndpoint();
    await signIn('api-user', 's3cret');
    expect(validToken(Date.now() + 3601_000)).toBeUndefined();
  });

  it('releases waiting requests after a new sign-in, or rejects them on cancel', async () => {
    tokenEndpoint();
    const first = reauthenticate();
    expect(sessionStore.get().reauth).toBe('expired');
    await signIn('api-user', 's3cret');
    await expect(first).resolves.toBeUndefined();
    expect(sessionStore.get().reauth).toBeNull();

    const second = reauthenticate();
    cancelReauthentication();
    await expect(second).rejects.toMatchObject({ status: 401 });
  });

  it('signs out by forgetting the token', async () => {
    tokenEndpoint();
    await signIn('api-user', 's3cret');
    signOut();
    expect(validToken()).toBeUndefined();
    expect(sessionStorage.getItem('integrator-console:session')).toBeNull();
  });
});

describe('the session this tab stored', () => {
  const KEY = 'integrator-console:session';
  /** The module as a reload finds it: it reads the stored session once, when it loads. */
  async function reload() {
    vi.resetModules();
    return import('@/api/session');
  }
  afterEach(() => vi.restoreAllMocks());

  it('survives a reload', async () => {
    const stored = { token: 'token-kept', expiresAt: Date.now() + 60_000, username: 'api-user' };
    sessionStorage.setItem(KEY, JSON.stringify(stored));
    const fresh = await reload();
    expect(fresh.sessionStore.get().session).toEqual(stored);
    expect(fresh.validToken()).toBe('token-kept');
  });

  it.each([
    ['not JSON', '{"token":'],
    ['the wrong shape', JSON.stringify({ token: 'token-kept', expiresAt: 'soon' })],
    ['not an object', 'null'],
  ])('is set aside when it is %s: the tab starts signed out', async (_, raw) => {
    sessionStorage.setItem(KEY, raw);
    const fresh = await reload();
    expect(fresh.sessionStore.get().session).toBeNull();
    expect(fresh.validToken()).toBeUndefined();
  });

  it('is set aside when the storage cannot be read', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const fresh = await reload();
    expect(fresh.sessionStore.get().session).toBeNull();
  });
});
