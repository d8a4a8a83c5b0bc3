import { screen, within } from '@testing-library/react';
import { renderApp } from '@/test/render';
import type { Mode, Modes } from '@/ui/deployment';

// What each CONSOLE_MODES deployment offers on its pages (server/modes.js decides the list).

describe('the sign-in page', () => {
  it.each<[string, Mode, Modes]>([
    ['demo,live (a demo tab choosing to sign in)', 'demo', ['demo', 'live']],
    ['live,demo', 'live', ['live', 'demo']],
  ])('offers "Try the demo" in %s', async (_name, mode, modes) => {
    renderApp('/sign-in', { mode, modes });
    expect(await screen.findByLabelText('API username')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try the demo' })).toBeVisible();
    expect(screen.getByText(/a simulated API runs in your browser/)).toBeInTheDocument();
  });

  it('offers no demo where only live mode is deployed', async () => {
    renderApp('/sign-in?next=%2Fintegrations', {
      mode: 'live',
      modes: ['live'],
      upstream: 'api.1nce.com',
    });
    expect(await screen.findByLabelText('API username')).toBeInTheDocument();
    expect(await screen.findByText('api.1nce.com')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try the demo' })).not.toBeInTheDocument();
    expect(screen.queryByText(/demo|simulated/i)).not.toBeInTheDocument();
  });

  it('takes a demo tab into the demo', async () => {
    const { user, router } = renderApp('/sign-in');
    await user.click(await screen.findByRole('button', { name: 'Try the demo' }));
    expect(await screen.findByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
    expect(router.state.location.pathname).toBe('/integrations');
  });
});

describe('a demo tab', () => {
  it('offers signing in where live mode is deployed, in the header and the demo controls', async () => {
    const { user } = renderApp('/integrations', { modes: ['live', 'demo'] });
    const header = await screen.findByRole('banner');
    expect(await within(header).findByRole('link', { name: 'Sign in to 1NCE' })).toBeVisible();
    await user.click(within(header).getAllByRole('button', { name: 'Demo controls' })[0]!);
    const drawer = await screen.findByRole('dialog', { name: 'Demo controls' });
    expect(within(drawer).getByRole('link', { name: 'Sign in to 1NCE' })).toBeInTheDocument();
  });

  it('never offers live mode where only the demo is deployed', async () => {
    const { user } = renderApp('/integrations', { modes: ['demo'] });
    expect(await screen.findByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Demo mode')).toBeInTheDocument();
    await user.click((await within(header).findAllByRole('button', { name: 'Demo controls' }))[0]!);
    const drawer = await screen.findByRole('dialog', { name: 'Demo controls' });
    expect(within(drawer).getByRole('button', { name: 'Reset demo data' })).toBeInTheDocument();
    expect(screen.queryByText(/sign in/i)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /1NCE/ })).not.toBeInTheDocument();
  });

  it('lands on the integrations when a demo-only deployment is asked to sign in', async () => {
    const { router } = renderApp('/sign-in?next=%2Fintegrations%2Fnew', { modes: ['demo'] });
    expect(await screen.findByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
    expect(router.state.location.pathname).toBe('/integrations');
    expect(screen.queryByLabelText('API username')).not.toBeInTheDocument();
  });
});
