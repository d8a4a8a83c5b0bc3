import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { ApiError, NetworkError, fieldErrors, request, setAuth } from '@/api/request';
import { server } from '@/mocks/node';

const PATH = '*/management-api/v1/probe';
const okSchema = z.object({ ok: z.boolean() });

afterEach(() => setAuth(null));

describe('request', () => {
  it('parses a successful answer with the schema', async () => {
    server.use(http.get(PATH, () => HttpResponse.json({ ok: true, extra: 1 })));
    await expect(request('/v1/probe', okSchema)).resolves.toEqual({ ok: true });
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

describe('fieldErrors reads the undocumented errors[] leniently', () => {
  it.each<[unknown[], { field?: string; message: string }[]]>([
    [['{}', '{}'], []],
    [['url must be https'], [{ message: 'url must be https' }]],
    [[{ property: 'name', message: 'too long' }], [{ field: 'name', message: 'too long' }]],
    [
      [{ instancePath: '/eventTypes/0', message: 'bad' }],
      [{ field: 'eventTypes.0', message: 'bad' }],
    ],
    [
      [{ path: ['headers', 'x'], msg: 'bad header' }],
      [{ field: 'headers.x', message: 'bad header' }],
    ],
    [[{ field: 'url' }], [{ field: 'url', message: 'is invalid' }]],
    [[null, 5, {}], []],
  ])('%j', (errors, expected) => {
    expect(fieldErrors(new ApiError(400, 'Bad Request', { errors }))).toEqual(expected);
  });
});
