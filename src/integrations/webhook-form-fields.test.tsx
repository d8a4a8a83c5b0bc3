import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '@/test/render';

const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';

// Issue 8 §4: what is wrong or doubtful is said at the field where it was typed.
describe('webhook form fields', () => {
  it('shows every problem of a URL at once, and warnings next to it', async () => {
    const { user } = renderApp('/integrations/new');
    const url = await screen.findByLabelText(/Endpoint URL/);
    await user.click(url);
    await user.paste('http://user@a b.example/:iccd:');
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));
    await waitFor(() =>
      expect(url).toHaveAccessibleDescription(
        /1NCE only delivers to https:\/\/ endpoints.*A URL cannot contain spaces.*Do not put credentials in the URL/,
      ),
    );
    expect(url).toHaveAccessibleDescription(/:iccd: is not a placeholder 1NCE knows.*:iccid:/);

    await user.clear(url);
    await user.paste('https://192.168.1.20/hook');
    await waitFor(() =>
      expect(url).toHaveAccessibleDescription(
        /Warning: 1NCE delivers from the internet and cannot reach 192\.168\.1\.20/,
      ),
    );
    expect(url).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('says at the header what an empty value, a Content-Type or a mistyped placeholder means', async () => {
    const { user } = renderApp('/integrations/new');
    await user.click(await screen.findByRole('button', { name: 'Add header' }));
    await user.paste('Content-Type');
    const value = screen.getByLabelText('Header value');
    expect(value).toHaveAccessibleDescription(
      /1NCE sends every event as Content-Type: application\/json/,
    );
    expect(value).toHaveAccessibleDescription(/Empty: 1NCE sends this header with no value/);
    await user.click(value);
    await user.paste('x-:devid:');
    expect(value).toHaveAccessibleDescription(/:devid: is not a placeholder 1NCE knows/);
    expect(value).not.toHaveAccessibleDescription(/Empty/);
  });

  // Issue 26 §2: Mantine's PasswordInput shows its error but did not mark the input invalid.
  it('marks an empty credential value invalid for assistive technology, with its message', async () => {
    const { user } = renderApp('/integrations/new');
    await user.click(await screen.findByRole('button', { name: 'Add header' }));
    await user.paste('x-api-key');
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));
    const value = screen.getByLabelText('Header value');
    await waitFor(() =>
      expect(value).toHaveAccessibleDescription(/Enter a value or remove the header/),
    );
    expect(value).toHaveAttribute('aria-invalid', 'true');
  });

  // Issue 26 §5: "edit that webhook" named no webhook; 1NCE's 409 does not say which one.
  it('links a duplicate URL to the webhook that already has it', async () => {
    const { user } = renderApp('/integrations/new');
    await user.type(await screen.findByLabelText(/Integration name/), 'Second alerts');
    await user.type(screen.getByLabelText(/Endpoint URL/), 'https://alerts.example.com/1nce');
    await user.click(screen.getByRole('checkbox', { name: 'Lifecycle' }));
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));
    const owner = await screen.findByRole('link', { name: 'Cold-chain alerts' });
    expect(owner).toHaveAttribute('href', '/integrations/AP3dIUs3c7_Oo2yJYaXWg');
    expect(screen.getByLabelText(/Endpoint URL/)).toHaveAccessibleDescription(
      /change the URL or edit that webhook: Cold-chain alerts\./,
    );
  });

  it('leaves a header the form refuses out of the Preview', async () => {
    const { user } = renderApp('/integrations/new');
    await user.click(await screen.findByRole('button', { name: 'Add header' }));
    await user.paste('Host');
    // A header the form refuses gets its error on submit, not a warning about its empty value.
    expect(screen.getByLabelText('Header value')).not.toHaveAccessibleDescription(/Empty/);
    await user.click(screen.getByLabelText('Header value'));
    await user.paste('evil.example');
    await user.click(screen.getByRole('button', { name: 'Add header' }));
    await user.paste('x-tenant');
    await user.click(screen.getAllByLabelText('Header value')[1]!);
    await user.paste('acme');
    const preview = screen.getByRole('region', { name: 'Preview' });
    await waitFor(() => expect(within(preview).getByText('x-tenant')).toBeInTheDocument());
    expect(within(preview).queryByText('Host')).not.toBeInTheDocument();
    expect(within(preview).queryByText('evil.example')).not.toBeInTheDocument();
  });

  it('shows the content-type 1NCE adds in the Preview, unless a header sets one', async () => {
    const { user } = renderApp('/integrations/new');
    const preview = await screen.findByRole('region', { name: 'Preview' });
    const headers = within(preview).getByRole('table', { name: 'Final headers' });
    expect(within(headers).getByRole('row', { name: /^content-type / })).toHaveTextContent(
      'content-typeapplication/json (added by 1NCE)',
    );
    await user.click(await screen.findByRole('button', { name: 'Add header' }));
    await user.paste('Content-Type');
    await user.click(screen.getByLabelText('Header value'));
    await user.paste('text/plain');
    await waitFor(() =>
      expect(within(headers).getByRole('row', { name: /^Content-Type / })).toHaveTextContent(
        'Content-Typetext/plain',
      ),
    );
    expect(within(headers).queryByRole('row', { name: /^content-type / })).not.toBeInTheDocument();
    expect(within(headers).queryByText('(added by 1NCE)')).not.toBeInTheDocument();
  });

  it('makes the read-only name look read-only', async () => {
    renderApp(`/integrations/${FLEET}/edit`);
    const name = await screen.findByLabelText('Integration name');
    expect(name).toHaveAttribute('readonly');
    expect(name).toHaveAccessibleDescription(/Read-only/);
  });

  it('counts characters near the name limit', async () => {
    const { user } = renderApp('/integrations/new');
    const fresh = await screen.findByLabelText(/Integration name/);
    await user.click(fresh);
    await user.paste('x'.repeat(99));
    expect(fresh).not.toHaveAccessibleDescription(/characters used/);
    await user.paste('x'.repeat(21));
    expect(fresh).toHaveAccessibleDescription(/120 of 128 characters used/);
  });
});
