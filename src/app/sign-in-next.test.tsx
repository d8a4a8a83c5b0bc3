import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { switchMode } from '@/app/mode';
import { signOut } from '@/api/session';
import { server } from '@/mocks/node';
import { OFF_ORIGIN, ON_ORIGIN } from '@/test/hostile-paths';
import { renderApp } from '@/test/render';
import type { Mode } from '@/ui/deployment';

// A demo tab that signs in leaves the page (switchMode loads the live app): recorded here
// instead, as the path it was asked to load (switchMode's own refusal is in mode.test.ts).
vi.mock('@/app/mode', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/app/mode')>()),
  switchMode: vi.fn(),
}));

beforeEach(() => {
  server.use(
    http.post('*/management-api/oauth/token', () =>
      HttpResponse.json({ access_token: 'token', token_type: 'Bearer', expires_in: 3600 }),
    ),
  );
});
afterEach(() => {
  signOut();
  vi.mocked(switchMode).mockClear();
});

/** Signs in on `/sign-in?next=<next>` in a tab of `mode`; returns the path the tab goes on to. */
async function signInWithNext(mode: Mode, next: string) {
  const { user, router } = renderApp(`/sign-in?next=${encodeURIComponent(next)}`, { mode });
  // Pasted rather than typed: 60 sign-ins here, and keystrokes are not what is tested.
  await user.click(await screen.findByLabelText('API username'));
  await user.paste('someone');
  await user.click(screen.getByLabelText('API password'));
  await user.paste('secret');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  if (mode === 'demo') {
    await waitFor(() => expect(switchMode).toHaveBeenCalledTimes(1));
    const [to, path] = vi.mocked(switchMode).mock.calls[0]!;
    expect(to).toBe('live');
    return path;
  }
  await waitFor(() => expect(router.state.location.pathname).not.toBe('/sign-in'));
  const { pathname, search, hash } = router.state.location;
  return `${pathname}${search}${hash}`;
}

describe.each<[string, Mode]>([
  ['a demo tab switching to live', 'demo'],
  ['a live tab', 'live'],
])('signing in from %s', (_name, mode) => {
  it.each(OFF_ORIGIN.map((next) => [next]))(
    'goes to the integrations for ?next=%j',
    async (next) => {
      expect(await signInWithNext(mode, next)).toBe('/integrations');
    },
  );

  it.each<[string, string]>([
    ...ON_ORIGIN,
    [`${window.location.origin}/coverage?q=1`, '/coverage?q=1'],
  ])('goes on to ?next=%j as %j', async (next, path) => {
    expect(await signInWithNext(mode, next)).toBe(path);
  });
});
