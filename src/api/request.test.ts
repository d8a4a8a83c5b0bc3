import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { ApiError, NetworkError, fieldErrors } from '@/api/errors';
import { request, requestWithHeaders, setApiReady, setAuth } from '@/api/request';
import { server } from '@/mocks/node';

const PATH = '*/management-api/v1/probe';
const okSchema = z.object({ ok: z.boolean() });

afterEach(() => {
  setAuth(null);
  setApiReady(Promise.resolve());
});

describe('request', () => {
  it('sends nothing until the API is ready (demo: the simulated API has started)', async () => {
    let sent = 0;
    server.use(http.get(PATH, () => (sent++, HttpResponse.json({ ok: true }))));
    let start!: () => void;
    setApiReady(new Promise<void>((resolve) => (start = resolve)));
    const answer = request('/v1/probe', okSchema);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toBe(0);
    start();
    await expect(answer).resolves.toEqual({ ok: true });
    expect(sent).toBe(1);
  });

  it('fails every request with the reason the API could not start', async () => {
    let sent = 0;
    server.use(http.get(PATH, () => (sent++, HttpResponse.json({ ok: true }))));
    setApiReady(Promise.reject(new Error('The service worker could not be registered')));
    await expect(request('/v1/probe', okSchema)).rejects.toThrow('could not be registered');
    expect(sent).toBe(0);
  });

  it('parses a successful answer with the schema', async () => {
    server.use(http.get(PATH, () => HttpResponse.json({ ok: true, extra: 1 })));
    await expect(request('/v1/probe', okSchema)).resolves.toEqual({ ok: true });
  });

  it('requestWithHeaders also gives the response headers, and signs in again the same way', async () => {
    let token = 'old';
    server.use(
      http.get(PATH, ({ request: incoming }) =>
        incoming.headers.get('authorization') === 'Bearer new'
          ? HttpResponse.json({ ok: true }, { headers: { 'X-Total-Pages': '3' } })
          : HttpResponse.json({ statusCode: 401 }, { status: 401 }),
      ),
    );
    setAuth({ token: () => token, reauthenticate: async () => void (token = 'new') });
    const { data, headers } = await requestWithHeaders('/v1/probe', okSchema, {
      query: { page: 2 },
    });
    expect(data).toEqual({ ok: true });
    expect(headers.get('x-total-pages')).toBe('3');
  });

  it('throws a typed ApiError with the API’s status and errors', async () => {
    server.use(
      http.get(PATH, () =>
        HttpResponse.json(
          {
            statusCode: 409,
            statusText: 'Conflict',
            errors: [{ property: 'url', message: 'taken' }],
          },
          { status: 409 },
        ),
      ),
    );
    const error = await request('/v1/probe', okSchema).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, statusText: 'Conflict' });
    expect(fieldErrors(error as ApiError)).toEqual([{ field: 'url', message: 'taken' }]);
  });

  it('throws a NetworkError when no answer arrives', async () => {
    server.use(http.get(PATH, () => HttpResponse.error()));
    await expect(request('/v1/probe', okSchema)).rejects.toBeInstanceOf(NetworkError);
  });

  it('sends the bearer token and, after a 401, waits for a new sign-in and sends again once', async () => {
    let token = 'old';
    const seen: (string | null)[] = [];
    server.use(
      http.get(PATH, ({ request: incoming }) => {
        const authorization = incoming.headers.get('authorization');
        seen.push(authorization);
        return authorization === 'Bearer new'
          ? HttpResponse.json({ ok: true })
          : HttpResponse.json(
              { statusCode: 401, statusText: 'Unauthorized', errors: [] },
              { status: 401 },
            );
      }),
    );
    const reauthenticate = vi.fn(async () => {
      token = 'new';
    });
    setAuth({ token: () => token, reauthenticate });
    await expect(request('/v1/probe', okSchema)).resolves.toEqual({ ok: true });
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
    expect(reauthenticate).toHaveBeenCalledTimes(1);
  });

  it('asks for a sign-in before sending when the token has already expired', async () => {
    let token: string | undefined;
    server.use(
      http.get(PATH, ({ request: incoming }) =>
        HttpResponse.json({ ok: incoming.headers.get('authorization') === 'Bearer fresh' }),
      ),
    );
    setAuth({ token: () => token, reauthenticate: async () => void (token = 'fresh') });
    await expect(request('/v1/probe', okSchema)).resolves.toEqual({ ok: true });
  });

  it('gives up with the 401 when the user does not sign in again', async () => {
    server.use(http.get(PATH, () => HttpResponse.json({ statusCode: 401 }, { status: 401 })));
    setAuth({
      token: () => 'old',
      reauthenticate: () => Promise.reject(new ApiError(401, 'Unauthorized', {})),
    });
    await expect(request('/v1/probe', okSchema)).rejects.toMatchObject({ status: 401 });
  });

  it('does not ask anyone to sign in in demo mode', async () => {
    server.use(http.get(PATH, () => HttpResponse.json({ statusCode: 401 }, { status: 401 })));
    await expect(request('/v1/probe', okSchema)).rejects.toMatchObject({ status: 401 });
  });
});
