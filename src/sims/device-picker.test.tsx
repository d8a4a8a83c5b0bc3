import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { EXAMPLE_SIM, createSimHandlers, simulatedFleet, simulatedSim } from '@/mocks/sims';
import { server } from '@/mocks/node';
import { EXAMPLE_DEVICE } from '@/placeholders/preview';
import { renderApp } from '@/test/render';
import { recordRequests, type SentRequest } from '@/test/requests';

const URL_TEMPLATE = 'https://hook.example.com/d/:iccid:/:imsi:?ip=:ip:';
const finalUrl = (sim: { iccid?: string; imsi?: string; ip_address?: string }) =>
  `https://hook.example.com/d/${sim.iccid}/${sim.imsi}?ip=${sim.ip_address}`;
const EXAMPLE_URL = finalUrl({
  iccid: EXAMPLE_DEVICE.iccid,
  imsi: EXAMPLE_DEVICE.imsi,
  ip_address: EXAMPLE_DEVICE.ip,
});

/** The SIM requests among those sent: path and query, and when. */
const sims = (sent: readonly SentRequest[]) =>
  sent.filter((request) => request.path.startsWith('/v1/sims'));

/**
 * The search itself: pointing at the box that stands in for it loads it (once per test file;
 * later it is there at once). Its box opens a list of SIMs; the stand-in's opens nothing.
 */
async function loadedSearch(preview: HTMLElement, user: UserEvent) {
  await user.hover(await within(preview).findByRole('combobox', { name: 'Use a real device' }));
  return waitFor(() => {
    const search = within(preview).getByRole('combobox', { name: 'Use a real device' });
    expect(search).toHaveAttribute('aria-haspopup', 'listbox');
    return search;
  });
}

async function openForm({ retry = false } = {}) {
  const view = renderApp('/integrations/new', {}, { retry });
  await view.user.click(await screen.findByLabelText(/Endpoint URL/));
  await view.user.paste(URL_TEMPLATE);
  const preview = screen.getByRole('region', { name: 'Preview' });
  const search = await loadedSearch(preview, view.user);
  await waitFor(() =>
    expect(within(preview).getByLabelText('Final URL')).toHaveTextContent(EXAMPLE_URL),
  );
  return { ...view, preview, search };
}

describe('Use a real device, in the Preview', () => {
  it('finds SIMs by label over the loaded fleet, fills the Preview, and goes back to the example', async () => {
    const sent = recordRequests();
    const { user, preview, search } = await openForm();
    await user.type(search, 'tracker 04');

    const option = await screen.findByRole('option', { name: /^Pallet tracker 0417, / });
    const pallet = simulatedSim(7);
    expect(option).toHaveAccessibleName(
      `Pallet tracker 0417, ICCID ${pallet.iccid}, IP address ${pallet.ip_address}, Enabled`,
    );
    expect(await within(preview).findByText('8 SIMs match.')).toBeInTheDocument();
    // The whole fleet of 150 in two requests of the API's largest page.
    expect(sims(sent).map((request) => request.path)).toEqual([
      '/v1/sims?page=1&pageSize=100',
      '/v1/sims?page=2&pageSize=100',
    ]);

    await user.click(option);
    expect(within(preview).getByLabelText('Final URL')).toHaveTextContent(finalUrl(pallet));
    expect(within(preview).getByLabelText('ICCID')).toHaveValue(pallet.iccid);
    expect(within(preview).getByLabelText('IMSI')).toHaveValue(pallet.imsi);
    expect(within(preview).getByLabelText('IP address')).toHaveValue(pallet.ip_address);
    expect(within(preview).getByText('Values from “Pallet tracker 0417”.')).toBeInTheDocument();

    // Another search reuses the pages already loaded.
    await user.type(search, 'truck 12');
    await user.click(await screen.findByRole('option', { name: /^Cold-chain truck 12, / }));
    expect(within(preview).getByLabelText('Final URL')).toHaveTextContent(finalUrl(EXAMPLE_SIM));
    expect(sims(sent)).toHaveLength(2);

    await user.click(within(preview).getByRole('button', { name: 'Use the example device' }));
    expect(within(preview).getByLabelText('Final URL')).toHaveTextContent(EXAMPLE_URL);
  });

  it('marks Disabled SIMs and searches by ICCID prefix', async () => {
    const { user, search } = await openForm();
    const disabled = simulatedSim(4);
    await user.type(search, disabled.iccid!.slice(0, 18));
    const option = await screen.findByRole('option', { name: new RegExp(disabled.iccid!) });
    expect(option).toHaveAccessibleName(expect.stringMatching(/, Disabled$/));
    expect(within(option).getByText('Disabled')).toBeInTheDocument();
  });

  it('looks a whole ICCID up with one GET /v1/sims/{iccid}, sending the 19 digits', async () => {
    const sent = recordRequests();
    const { user, preview, search } = await openForm();
    await user.type(search, EXAMPLE_SIM.iccid_with_luhn!);
    await user.click(await screen.findByRole('option', { name: /^Cold-chain truck 12, / }));
    expect(within(preview).getByLabelText('Final URL')).toHaveTextContent(finalUrl(EXAMPLE_SIM));
    expect(sims(sent).map((request) => request.path)).toEqual([`/v1/sims/${EXAMPLE_SIM.iccid}`]);
  });

  it('looks an IPv4 address up with the q filter', async () => {
    const sent = recordRequests();
    const sim = simulatedSim(120);
    const { user, preview, search } = await openForm();
    await user.type(search, sim.ip_address!);
    await user.click(
      await screen.findByRole('option', { name: new RegExp(`IP address ${sim.ip_address},`) }),
    );
    expect(within(preview).getByLabelText('Final URL')).toHaveTextContent(finalUrl(sim));
    expect(sims(sent).map((request) => decodeURIComponent(request.path))).toEqual([
      `/v1/sims?q=ip_address:${sim.ip_address}`,
    ]);
  });

  it('says when no SIM has an ICCID (404), and the Preview keeps its device', async () => {
    const { user, preview, search } = await openForm();
    await user.type(search, '8988228066600000000');
    expect(
      await within(preview).findByText('No SIM with ICCID 8988228066600000000.'),
    ).toBeInTheDocument();
    expect(search).toHaveAttribute('aria-invalid', 'true');
    expect(within(preview).getByLabelText('Final URL')).toHaveTextContent(EXAMPLE_URL);
  });

  it('says when the API user may not read SIMs (403), and keeps the example device', async () => {
    server.use(
      http.get('*/v1/sims', () =>
        HttpResponse.json(
          { statusCode: 403, statusText: 'Forbidden', errors: [] },
          { status: 403 },
        ),
      ),
    );
    const { user, preview, search } = await openForm();
    await user.type(search, 'truck');
    expect(
      await within(preview).findByText(
        'Your API user may not read SIMs, so the Preview keeps its device.',
      ),
    ).toBeInTheDocument();
    expect(within(preview).getByLabelText('Final URL')).toHaveTextContent(EXAMPLE_URL);
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });

  it('waits as long as a 429’s Retry-After says, saying so, then goes on', async () => {
    const sent = recordRequests();
    let refused = false;
    server.use(
      http.get('*/v1/sims', ({ request }) => {
        if (refused || new URL(request.url).searchParams.get('page') !== '2') return undefined;
        refused = true;
        return HttpResponse.json(
          { statusCode: 429, statusText: 'Too Many Requests', errors: [] },
          { status: 429, headers: { 'Retry-After': '1' } },
        );
      }),
    );
    // The app's retry policy: a 429 is retried after Retry-After.
    const { user, search } = await openForm({ retry: true });
    await user.type(search, 'bille 24');
    expect(
      await screen.findByText(
        '1NCE asked to wait 1 s (too many requests); the search goes on by itself.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('option', { name: /^Water level gauge Bille 24, / }),
    ).toBeInTheDocument();
    const pages = sims(sent).map((request) => request.path);
    expect(pages).toEqual([
      '/v1/sims?page=1&pageSize=100',
      '/v1/sims?page=2&pageSize=100',
      '/v1/sims?page=2&pageSize=100',
    ]);
    expect(sims(sent)[2]!.at - sims(sent)[1]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('searches the first 2,000 SIMs of a larger fleet, at most 10 requests a second, and says so', async () => {
    server.use(...createSimHandlers(simulatedFleet(2500)));
    const sent = recordRequests();
    const { user, preview, search } = await openForm();
    await user.type(search, 'no such label');
    expect(
      await within(preview).findByText(
        /^No SIM’s label, ICCID or IP address matches “no such label”\. Searched the first 2,000 of 2,500 SIMs\./,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(sims(sent)).toHaveLength(20);
    expect(sims(sent).at(-1)!.path).toBe('/v1/sims?page=20&pageSize=100');
    const times = sims(sent).map((request) => request.at);
    for (const start of times) {
      expect(
        times.filter((time) => time >= start && time < start + 1000).length,
      ).toBeLessThanOrEqual(10);
    }
  });
});

describe('Use a real device, and the Preview’s own device fields', () => {
  it('typing a value by hand ends “Values from”, and the typed value is injected', async () => {
    const { user, preview, search } = await openForm();
    const pallet = simulatedSim(7);
    await user.type(search, 'tracker 0417');
    await user.click(await screen.findByRole('option', { name: /^Pallet tracker 0417, / }));
    expect(within(preview).getByText('Values from “Pallet tracker 0417”.')).toBeInTheDocument();

    const iccid = within(preview).getByLabelText('ICCID');
    await user.clear(iccid);
    await user.type(iccid, '8988228066600000001');
    expect(within(preview).queryByText(/^Values from/)).not.toBeInTheDocument();
    expect(
      within(preview).queryByRole('button', { name: 'Use the example device' }),
    ).not.toBeInTheDocument();
    expect(within(preview).getByLabelText('Final URL')).toHaveTextContent(
      finalUrl({ ...pallet, iccid: '8988228066600000001' }),
    );
  });

  it('says when the values come from a Disabled SIM', async () => {
    const { user, preview, search } = await openForm();
    const disabled = simulatedSim(4);
    await user.type(search, disabled.iccid!);
    await user.click(await screen.findByRole('option', { name: new RegExp(disabled.iccid!) }));
    expect(
      within(preview).getByText(
        `Values from “${disabled.label}”, a Disabled SIM: it sends no events until enabled.`,
      ),
    ).toBeInTheDocument();
  });

  it('is off where the scenario has no device, like the device fields', async () => {
    const { user, preview, search } = await openForm();
    await user.click(within(preview).getByRole('radio', { name: 'Test or Restart message' }));
    expect(within(preview).getByRole('combobox', { name: 'Use a real device' })).toBeDisabled();
    expect(within(preview).getByLabelText('ICCID')).toBeDisabled();
    await user.click(within(preview).getByRole('radio', { name: 'Device event' }));
    expect(search).toBeEnabled();
  });
});

describe('Use a real device, over an API that pages oddly', () => {
  it('stops when the API answers another page than the one asked for, each SIM once', async () => {
    const sent = recordRequests();
    const firstPage = simulatedFleet().slice(0, 100);
    // Ignores `page`: always the first 100, saying so, and that there are 5 pages.
    server.use(
      http.get('*/v1/sims', () =>
        HttpResponse.json(firstPage, {
          headers: { 'X-Current-Page': '1', 'X-Total-Pages': '5', 'X-Total-Count': '500' },
        }),
      ),
    );
    const { user, preview, search } = await openForm();
    await user.type(search, 'Pallet tracker 0417');
    expect(await screen.findAllByRole('option', { name: /^Pallet tracker 0417, / })).toHaveLength(
      1,
    );
    expect(await within(preview).findByText(/^Searched the first 100 of 500 SIMs\./)).toBeVisible();
    expect(sims(sent).map((request) => request.path)).toEqual([
      '/v1/sims?page=1&pageSize=100',
      '/v1/sims?page=2&pageSize=100',
    ]);
  });
});

describe('Use a real device, on a webhook’s page', () => {
  it('fills the saved webhook’s Preview from a SIM as well', async () => {
    const { user } = renderApp('/integrations/Jv2cS-pPcy0NdtQ64ycZJ');
    const preview = await screen.findByRole('region', { name: 'Preview' });
    const sim = simulatedSim(120);
    await user.type(await loadedSearch(preview, user), sim.iccid!);
    await user.click(await screen.findByRole('option', { name: new RegExp(sim.iccid!) }));
    expect(within(preview).getByLabelText('Final URL')).toHaveTextContent(
      `https://ingest.fleetwise.example.com/1nce/devices/${sim.iccid}/telemetry`,
    );
  });
});
