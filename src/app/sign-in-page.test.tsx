import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '@/mocks/node';
import { renderApp } from '@/test/render';

const HOST = 'api.1nce.invalid';

it('names the API it signs in to', async () => {
  renderApp('/sign-in', { upstream: HOST });
  expect(await screen.findByText(HOST)).toBeInTheDocument();
  expect(screen.getByText(/1NCE API:/)).toHaveTextContent(`1NCE API: ${HOST}`);
});

it('explains an unresolvable API host once, with the host and what to check', async () => {
  server.use(
    http.post('*/management-api/oauth/token', () =>
      HttpResponse.json(
        {
          statusCode: 502,
          statusText: 'Bad Gateway',
          errors: [{ message: `The console's server could not resolve ${HOST} (DNS: ENOTFOUND)` }],
          upstream: { host: HOST, cause: 'dns', code: 'ENOTFOUND' },
        },
        { status: 502 },
      ),
    ),
  );
  const { user } = renderApp('/sign-in', { upstream: HOST });
  await user.type(await screen.findByLabelText('API username'), 'someone');
  await user.type(screen.getByLabelText('API password'), 'secret');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));

  const alert = await screen.findByRole('alert');
  const text = alert.textContent ?? '';
  expect(within(alert).getByText(/could not find api\.1nce\.invalid in DNS/)).toBeInTheDocument();
  expect(text).toMatch(/Check MANAGEMENT_API_URL/);
  expect(text.split(HOST)).toHaveLength(2);
  expect(text).not.toMatch(/could not be reached/);
});

// Issue 26 §2: Mantine's PasswordInput shows its error but did not mark the input invalid.
it('marks an empty password invalid for assistive technology, with its message', async () => {
  const { user } = renderApp('/sign-in', { upstream: HOST });
  await user.type(await screen.findByLabelText('API username'), 'someone');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  const password = screen.getByLabelText('API password');
  expect(await screen.findByText('Enter your API password')).toBeInTheDocument();
  expect(password).toHaveAccessibleDescription('Enter your API password');
  expect(password).toHaveAttribute('aria-invalid', 'true');
});

it('names the tab Sign in, then the console', async () => {
  renderApp('/sign-in', { upstream: HOST });
  await screen.findByLabelText('API username');
  expect(document.title).toBe('Sign in · Integrator Console');
});
