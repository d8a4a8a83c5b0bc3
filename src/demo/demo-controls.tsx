import { ActionIcon, Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFlask } from '@tabler/icons-react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Suspense, lazy, useCallback, useEffect, useState, useTransition } from 'react';
import { db } from '@/mocks/db';

// The drawer (Drawer, SegmentedControl, ScrollArea, focus trap, scroll lock: ~20 kB gzip) loads
// when it is first asked for, or when the pointer or focus reaches the button, not with the page.
const loadDrawer = () => import('@/demo/demo-drawer');
const DemoDrawer = lazy(() => loadDrawer().then((module) => ({ default: module.DemoDrawer })));
const preloadDrawer = () => void loadDrawer();

/**
 * The queries that show the demo backend's integrations. Handed in by app/ (as the query client
 * is given its key): the controls know the demo backend, not the feature that reads it.
 */
export interface ShownIntegrations {
  /** What the key of every such query starts with. */
  queryKey: QueryKey;
  /** The one integration a query shows (a detail), else undefined. */
  idOf: (queryKey: QueryKey) => string | undefined;
}

/** `liveOffered`: false where the deployment is demo-only (CONSOLE_MODES=demo). */
export function DemoControls({
  liveOffered,
  shows,
}: {
  liveOffered: boolean;
  shows: ShownIntegrations;
}) {
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [drawerWanted, setDrawerWanted] = useState(false);
  // The drawer first renders closed, then opens: Mantine remembers what had focus (to give it back
  // on close) only when `opened` changes, not when a drawer mounts open.
  const [drawerMounted, setDrawerMounted] = useState(false);
  const onDrawerMounted = useCallback(() => setDrawerMounted(true), []);
  // In a transition, the button is marked busy while the drawer's chunk arrives (the first time,
  // if no hover or focus preloaded it).
  const [loading, startTransition] = useTransition();
  const show = () =>
    startTransition(() => {
      setDrawerWanted(true);
      open();
    });

  // The simulation changes states on its own timers; the pages must see it as it happens.
  useEffect(
    () =>
      db.subscribe(() => {
        void queryClient.invalidateQueries({
          queryKey: shows.queryKey,
          // A deletion notifies too, while its page is still open: asking for the deleted
          // integration would only fetch a 404. The delete's own success handler moves on.
          predicate: ({ queryKey }) => {
            const id = shows.idOf(queryKey);
            return id === undefined || !!db.get(id);
          },
        });
      }),
    [queryClient, shows],
  );

  return (
    <>
      <Button
        variant="light"
        color="grape"
        leftSection={<IconFlask size={16} aria-hidden />}
        onClick={show}
        onPointerEnter={preloadDrawer}
        onFocus={preloadDrawer}
        aria-busy={loading}
        visibleFrom="sm"
      >
        Demo controls
      </Button>
      <ActionIcon
        variant="light"
        color="grape"
        size="lg"
        aria-label="Demo controls"
        onClick={show}
        onPointerDown={preloadDrawer}
        onFocus={preloadDrawer}
        aria-busy={loading}
        hiddenFrom="sm"
      >
        <IconFlask size={18} aria-hidden />
      </ActionIcon>
      <Suspense fallback={null}>
        {drawerWanted && (
          <DemoDrawer
            opened={opened && drawerMounted}
            onMounted={onDrawerMounted}
            onClose={close}
            liveOffered={liveOffered}
          />
        )}
      </Suspense>
    </>
  );
}
