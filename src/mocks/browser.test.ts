import { http, HttpResponse } from 'msw';
import { request, setTransport } from '@/api/request';
import { integrationListSchema } from '@/integrations/schemas';
import { DEMO_MARKS, startDemo } from '@/mocks/browser';
import { db } from '@/mocks/db';
import { server } from '@/mocks/node';

const LIST = '/v1/integrate/clouds';

beforeEach(() => {
  // The network (MSW's node server here) answers 503 to every API request: a list can only come
  // from the simulated API in the page.
  server.use(http.all('*/v1/*', () => HttpResponse.json({}, { status: 503 })));
});
afterEach(() => {
  setTransport(null);
  performance.clearMarks();
});

it('answers in the page at once and stays there where no service worker can start (jsdom)', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  startDemo('/demo-service-worker.js');
  expect(performance.getEntriesByName(DEMO_MARKS.inPage)).toHaveLength(1);

  const list = await request(LIST, integrationListSchema);
  expect(list.items.map((item) => item.name)).toEqual(
    db
      .list()
      .slice(0, list.items.length)
      .map((integration) => integration.name),
  );
  expect(list.items.length).toBeGreaterThan(0);

  await vi.waitFor(() =>
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining("The demo's service worker could not start"),
      expect.anything(),
    ),
  );
  expect(performance.getEntriesByName(DEMO_MARKS.worker)).toHaveLength(0);
  await expect(request(LIST, integrationListSchema)).resolves.toEqual(list);
});

it('a page put into the back/forward cache answers in the page, not from the network', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  startDemo('/demo-service-worker.js');
  // As once the worker listens: requests go to the network (here, the 503).
  setTransport(null);
  await expect(request(LIST, integrationListSchema)).rejects.toMatchObject({ status: 503 });

  window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
  await expect(request(LIST, integrationListSchema)).resolves.toMatchObject({
    items: expect.arrayContaining([expect.objectContaining({ name: db.list()[0]!.name })]),
  });
});
