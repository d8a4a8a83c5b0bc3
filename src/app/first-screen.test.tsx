import { render, screen } from '@testing-library/react';
import { Suspense, lazy } from 'react';
import { FirstScreen, firstScreenShown } from '@/app/first-screen';

test('the first screen counts as shown once the page beside it is revealed, not its loading state', async () => {
  let loadPage: () => void = () => undefined;
  const Page = lazy(
    () =>
      new Promise<{ default: () => React.ReactElement }>((resolve) => {
        loadPage = () => resolve({ default: () => <h1>Integrations</h1> });
      }),
  );
  let shown = false;
  void firstScreenShown().then(() => {
    shown = true;
  });
  render(
    <Suspense fallback={<p>Loading the page</p>}>
      <Page />
      <FirstScreen />
    </Suspense>,
  );
  expect(await screen.findByText('Loading the page')).toBeInTheDocument();
  // Longer than the wait for a paint report: the loading state alone never counts.
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(shown).toBe(false);

  loadPage();
  expect(await screen.findByRole('heading', { name: 'Integrations' })).toBeInTheDocument();
  // jsdom reports no largest paints: it resolves after its longest wait.
  await firstScreenShown();
  expect(shown).toBe(true);
});
