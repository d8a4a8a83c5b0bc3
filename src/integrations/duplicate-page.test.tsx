import { screen, waitFor } from '@testing-library/react';
import { dropHandOver } from '@/integrations/hand-over';
import { db } from '@/mocks/db';
import { renderApp } from '@/test/render';

const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';
const SECRET = 'fw_live_4Tq9ZkR2mXc8VbN1sLp7';

async function duplicateFleet() {
  const view = renderApp(`/integrations/${FLEET}`);
  await view.user.click(await screen.findByRole('button', { name: 'Duplicate' }));
  await screen.findByRole('heading', { name: 'New webhook', level: 1 }, { timeout: 15_000 });
  return view;
}

const headerValues = () =>
  screen.getAllByLabelText('Header value').map((input) => (input as HTMLInputElement).value);

describe('Duplicate', { timeout: 40_000 }, () => {
  it('opens the new-webhook form filled from the webhook, with the URL empty', async () => {
    const { router } = await duplicateFleet();
    expect(screen.getByLabelText(/Integration name/)).toHaveValue('Fleet telemetry (copy)');
    const url = screen.getByLabelText(/Endpoint URL/);
    expect(url).toHaveValue('');
    expect(url).toHaveAccessibleDescription(/one webhook per Endpoint URL/);
    expect(
      screen.getAllByLabelText('Header name').map((input) => (input as HTMLInputElement).value),
    ).toEqual(['x-api-key', 'x-device-imsi']);
    expect(headerValues()).toEqual([SECRET, ':imsi:']);
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: /Telemetry data/ })).toBeChecked(),
    );
    expect(screen.getByRole('checkbox', { name: /Lifecycle/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Error/ })).not.toBeChecked();
    expect(screen.getByLabelText(/^Parse JSON payload/)).not.toBeChecked();

    const notice = screen.getByRole('status', { name: 'Duplicated from “Fleet telemetry”' });
    expect(notice).toHaveTextContent(/cannot rename/);
    expect(notice).toHaveTextContent(
      /value of x-api-key is carried over in this tab's memory only/,
    );

    // The credential is in memory only: not in the URL, history state or any storage.
    const { location } = router.state;
    expect(location.search).toMatch(/^\?from=[\w-]+$/);
    expect(JSON.stringify(location)).not.toContain(SECRET);
    expect(JSON.stringify(window.history.state)).not.toContain(SECRET);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(SECRET);
    expect(JSON.stringify({ ...localStorage })).not.toContain(SECRET);
    // The draft holds the rest.
    expect(JSON.stringify({ ...sessionStorage })).toContain('Fleet telemetry (copy)');
  });

  it('saves the copy with the credential value carried over', async () => {
    const { user } = await duplicateFleet();
    await user.type(screen.getByLabelText(/Endpoint URL/), 'https://copy.example.com/hook');
    // Still never written anywhere while being edited.
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(SECRET);
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));
    await screen.findByRole('heading', { name: 'Fleet telemetry (copy)', level: 1 });
    const copy = db.list().find((item) => item.name === 'Fleet telemetry (copy)');
    expect(copy).toMatchObject({
      url: 'https://copy.example.com/hook',
      headers: { 'x-api-key': SECRET, 'x-device-imsi': ':imsi:' },
      eventTypes: [{ type: 'TELEMETRY_DATA' }, { type: 'LIFECYCLE' }],
      jsonPayloadEnabled: false,
    });
    // The original is untouched.
    expect(db.get(FLEET)?.name).toBe('Fleet telemetry');
  });

  it('after a reload keeps all but the credential, and asks for it', async () => {
    const { router, user, unmount } = await duplicateFleet();
    await user.type(screen.getByLabelText(/Endpoint URL/), 'https://copy.example.com/hook');
    const path = router.state.location.pathname + router.state.location.search;
    // A reload: the tab's memory is gone, its sessionStorage stays.
    dropHandOver(new URLSearchParams(router.state.location.search).get('from'));
    unmount();

    const { user: reloadedUser } = renderApp(path);
    const notice = await screen.findByRole('status', { name: 'Draft restored' });
    expect(notice).toHaveTextContent('enter the value of x-api-key again');
    expect(screen.getByLabelText(/Integration name/)).toHaveValue('Fleet telemetry (copy)');
    expect(screen.getByLabelText(/Endpoint URL/)).toHaveValue('https://copy.example.com/hook');
    expect(headerValues()).toEqual(['', ':imsi:']);
    await reloadedUser.click(screen.getByRole('button', { name: 'Create webhook' }));
    // At the field to fill in, not just anywhere on the page.
    const [emptied] = screen.getAllByLabelText('Header value');
    await waitFor(() =>
      expect(emptied).toHaveAccessibleDescription(/Enter a value or remove the header/),
    );
    expect(db.list().some((item) => item.name === 'Fleet telemetry (copy)')).toBe(false);
  });

  it('asks for a header value 1NCE did not return readably', async () => {
    db.patch(FLEET, { headers: { 'x-api-key': '***', 'x-device-imsi': ':imsi:' } });
    const { user } = await duplicateFleet();
    expect(screen.getByRole('status', { name: /Duplicated from/ })).toHaveTextContent(
      '1NCE did not return the value of x-api-key: enter it.',
    );
    await user.type(screen.getByLabelText(/Endpoint URL/), 'https://copy.example.com/hook');
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));
    const [value] = screen.getAllByLabelText('Header value');
    await waitFor(() =>
      expect(value).toHaveAccessibleDescription(
        /1NCE did not return the saved value of x-api-key: enter it again/,
      ),
    );
    expect(db.list().some((item) => item.name === 'Fleet telemetry (copy)')).toBe(false);

    await user.type(value!, 'entered-again');
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));
    await screen.findByRole('heading', { name: 'Fleet telemetry (copy)', level: 1 });
    expect(db.list().find((item) => item.name === 'Fleet telemetry (copy)')?.headers).toEqual({
      'x-api-key': 'entered-again',
      'x-device-imsi': ':imsi:',
    });
  });
});
