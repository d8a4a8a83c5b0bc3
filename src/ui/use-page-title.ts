import { useEffect } from 'react';

const CONSOLE = 'Integrator Console';

/**
 * The tab's title: the page's name, then the console's, so tabs, history and bookmarks tell
 * pages apart (the name first: a narrow tab shows only its start).
 */
export function usePageTitle(name: string) {
  useEffect(() => {
    document.title = `${name} · ${CONSOLE}`;
  }, [name]);
}
