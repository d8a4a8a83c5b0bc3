import { describe, expect, it } from 'vitest';
import { firstLoadGroups, ownImports } from './first-load-chunks.js';

// A module graph shaped like the console's: an entry that lazily imports the routes and the
// demo, routes that share modules, and node_modules behind barrels.
const NM = '/app/node_modules';
const graphOf = (edges: Record<string, { static?: string[]; lazy?: string[] }>) => ({
  getModuleInfo: (id: string) => {
    const edge = edges[id];
    return edge
      ? { importedIds: edge.static ?? [], dynamicallyImportedIds: edge.lazy ?? [] }
      : null;
  },
});
const graph = graphOf({
  '/app/src/main.tsx': {
    static: ['/app/src/app/app.tsx'],
    lazy: ['/app/src/mocks/browser.ts'],
  },
  '/app/src/app/app.tsx': {
    static: [`${NM}/@mantine/core/esm/index.mjs`],
    lazy: [
      '/app/src/integrations/list-page.tsx',
      '/app/src/app/sign-in-form.tsx',
      '/app/src/integrations/new-webhook-page.tsx',
      '/app/src/demo/demo-controls.tsx',
    ],
  },
  '/app/src/integrations/list-page.tsx': {
    static: [
      '/app/src/api/queries.ts',
      '/app/src/ui/format.ts',
      `${NM}/@mantine/core/esm/index.mjs`,
    ],
    lazy: ['/app/src/integrations/find-results.tsx'],
  },
  '/app/src/app/sign-in-form.tsx': {
    static: ['/app/src/app/credentials.ts', `${NM}/zod/index.js`],
  },
  '/app/src/integrations/new-webhook-page.tsx': {
    static: ['/app/src/api/queries.ts', '/app/src/placeholders/preview.ts'],
  },
  '/app/src/mocks/browser.ts': {
    static: [
      '/app/src/mocks/db.ts',
      '/app/src/placeholders/preview.ts',
      '/app/src/app/credentials.ts',
      `${NM}/msw/lib/browser/index.mjs`,
    ],
  },
  '/app/src/demo/demo-controls.tsx': { static: ['/app/src/demo/only-here.ts'] },
  [`${NM}/@mantine/core/esm/index.mjs`]: {
    static: [`${NM}/@mantine/core/esm/components/TextInput/TextInput.mjs`],
  },
});

const roots = {
  entry: '/app/src/main.tsx',
  signIn: '/app/src/app/sign-in-form.tsx',
  list: '/app/src/integrations/list-page.tsx',
  demo: '/app/src/mocks/browser.ts',
};
const isDemo = (id: string) => /[\\/]src[\\/](mocks|demo)[\\/]/.test(id);

// One set of groups for every test, as one build has: the closures it caches must follow the graph.
const groups = firstLoadGroups(roots, isDemo, 50).sort((a, b) => b.priority - a.priority);

/** The name of the group of highest priority that captures `id`, as Rolldown picks it. */
function groupOf(id: string, context = graph) {
  for (const group of groups) {
    const name = group.name(id, context);
    if (name) return name;
  }
  return undefined;
}

describe('ownImports', () => {
  it('follows static imports of the console’s own modules, not into node_modules', () => {
    expect([...ownImports(graph, [roots.list])].sort()).toEqual([
      '/app/src/api/queries.ts',
      '/app/src/integrations/list-page.tsx',
      '/app/src/ui/format.ts',
    ]);
  });

  it('follows lazy imports only where asked', () => {
    const live = ownImports(graph, [roots.entry], (id) => !isDemo(id));
    expect(live.has('/app/src/integrations/find-results.tsx')).toBe(true);
    expect(live.has('/app/src/placeholders/preview.ts')).toBe(true);
    expect(live.has('/app/src/mocks/browser.ts')).toBe(false);
    expect(live.has('/app/src/demo/only-here.ts')).toBe(false);
    expect(ownImports(graph, [roots.entry]).has('/app/src/integrations/list-page.tsx')).toBe(false);
  });
});

describe('firstLoadGroups', () => {
  it('puts what the list route imports in list-page, including modules other routes share', () => {
    expect(groupOf('/app/src/integrations/list-page.tsx')).toBe('list-page');
    expect(groupOf('/app/src/api/queries.ts')).toBe('list-page');
  });

  it('leaves the list’s lazy panels to their own chunks', () => {
    expect(groupOf('/app/src/integrations/find-results.tsx')).toBeUndefined();
  });

  it('puts Mantine’s inputs in form-fields, which the sign-in page and the list share', () => {
    expect(groupOf(`${NM}/@mantine/core/esm/components/TextInput/TextInput.mjs`)).toBe(
      'form-fields',
    );
    expect(groupOf(`${NM}/@mantine/core/esm/components/Input/Input.mjs`)).toBe('form-fields');
    expect(groupOf(`${NM}/@mantine/core/esm/components/Modal/Modal.mjs`)).toBeUndefined();
  });

  it('puts what the demo shares with a live route, and zod, in model', () => {
    expect(groupOf('/app/src/placeholders/preview.ts')).toBe('model');
    expect(groupOf(`${NM}/zod/v4/classic/schemas.js`)).toBe('model');
  });

  it('never puts in a demo chunk what a live page imports', () => {
    expect(groupOf('/app/src/mocks/db.ts')).toBe('browser');
    expect(groupOf('/app/src/mocks/browser.ts')).toBe('browser');
    // Shared by the demo and the sign-in form: neither browser nor model (the sign-in page
    // would load them), so Rolldown's automatic splitting places it.
    expect(groupOf('/app/src/app/credentials.ts')).toBeUndefined();
    expect(groupOf('/app/src/app/sign-in-form.tsx')).toBeUndefined();
  });

  it('reads a new graph on each chunking pass (watch mode rebuilds)', () => {
    expect(groupOf('/app/src/ui/new.ts')).toBeUndefined();
    const next = graphOf({
      [roots.list]: { static: ['/app/src/ui/new.ts'] },
    });
    expect(groupOf('/app/src/ui/new.ts', next)).toBe('list-page');
    expect(groupOf('/app/src/api/queries.ts', next)).toBeUndefined();
    expect(groupOf('/app/src/api/queries.ts')).toBe('list-page');
  });
});
