import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { db } from '@/mocks/db';
import { server } from '@/mocks/node';
import { renderApp } from '@/test/render';

const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';
const COLD_CHAIN = 'AP3dIUs3c7_Oo2yJYaXWg';
const TEST = '*/v1/integrate/clouds/webhooks/:integrationId/test';

const answerTest = (body: Record<string, unknown>) =>
  server.use(http.post(TEST, () => HttpResponse.json(body)));

describe('What Test and Restart say on the detail page', () => {
  it('Restart on an Active webhook says in plain words that delivery goes on either way', async () => {
    const { user } = renderApp(`/integrations/${FLEET}`);
    await user.click(await screen.findByRole('button', { name: 'Restart' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restart this webhook?' });
    expect(dialog).toHaveTextContent(
      '“Fleet telemetry” is Active: 1NCE is already delivering its events.',
    );
    expect(dialog).toHaveTextContent(
      'Whether or not your endpoint answers it, delivery goes on as it is.',
    );
    expect(dialog).not.toHaveTextContent(/If not, it stays/);
  });

  it('Restart on a Failed webhook says what happens when the endpoint does not answer', async () => {
    const { user } = renderApp(`/integrations/${COLD_CHAIN}`);
    await user.click(await screen.findByRole('button', { name: 'Restart' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restart this webhook?' });
    expect(dialog).toHaveTextContent(
      'If it does not, “Cold-chain alerts” stays Failed and its events are still not delivered.',
    );
  });

  it('turns 1NCE’s result into words, without its raw status', async () => {
    const { user } = renderApp(`/integrations/${COLD_CHAIN}`);
    await user.click(await screen.findByRole('button', { name: 'Test' }));
    const result = await screen.findByRole('status', { name: 'Test message delivered' });
    expect(result).toHaveTextContent('Your endpoint answered the test message.');
    expect(result).not.toHaveTextContent(/SUCCESS|was successful/);

    await user.click(screen.getByRole('button', { name: 'Restart' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restart this webhook?' });
    await user.click(within(dialog).getByRole('button', { name: 'Send test message and restart' }));
    const restarted = await screen.findByRole('status', { name: 'Restart succeeded' });
    expect(restarted).toHaveTextContent('Your endpoint answered the test message.');
    expect(restarted).not.toHaveTextContent(/SUCCESS|was successful/);
  });

  it.each([
    [
      { testStatus: 'FAILURE', message: 'Connection refused' },
      'Test message failed',
      '1NCE says: Connection refused',
    ],
    [{ testStatus: 'FAILURE' }, 'Test message failed', '1NCE gave no reason.'],
    // A status 1NCE may add one day is shown as it came, never as success.
    [
      { testStatus: 'PARTIAL', message: 'Half delivered' },
      'Test message failed',
      '1NCE answered “PARTIAL”: Half delivered',
    ],
  ])('a Test answered %j says %s: %s', async (answer, title, text) => {
    answerTest(answer);
    const { user } = renderApp(`/integrations/${FLEET}`);
    await user.click(await screen.findByRole('button', { name: 'Test' }));
    const result = await screen.findByRole('status', { name: title });
    expect(result).toHaveTextContent(text);
  });

  it('a result can be closed, and a new one replaces it instead of stacking', async () => {
    const { user } = renderApp(`/integrations/${COLD_CHAIN}`);
    await user.click(await screen.findByRole('button', { name: 'Test' }));
    const result = await screen.findByRole('status', { name: 'Test message delivered' });
    await user.click(within(result).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('status', { name: 'Test message delivered' }),
      ).not.toBeInTheDocument(),
    );

    await user.click(screen.getByRole('button', { name: 'Test' }));
    await screen.findByRole('status', { name: 'Test message delivered' });
    await user.click(screen.getByRole('button', { name: 'Restart' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restart this webhook?' });
    await user.click(within(dialog).getByRole('button', { name: 'Send test message and restart' }));
    await screen.findByRole('status', { name: 'Restart succeeded' });
    await user.click(screen.getByRole('button', { name: 'Test' }));
    await screen.findByRole('status', { name: 'Test message delivered' });
    expect(
      screen
        .getAllByRole('status')
        .filter((status) => /Test message|Restart/.test(status.textContent ?? '')),
    ).toHaveLength(1);
  });

  it('the saved webhook’s Preview asks to check it, not to check before saving', async () => {
    db.patch(FLEET, { url: 'https://hooks example.com/:iccid:' });
    renderApp(`/integrations/${FLEET}`);
    const preview = await screen.findByRole('region', { name: 'Preview' });
    const warnings = await within(preview).findByRole('alert');
    expect(warnings).toHaveTextContent('Check this webhook');
    expect(warnings).not.toHaveTextContent('Check before saving');
  });
});
