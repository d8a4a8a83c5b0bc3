// Fewer, larger chunks on the first loads that matter: the list route (the home page, live and
// demo) and the sign-in page. Rolldown's automatic splitting gives every set of lazy imports that
// shares a module a chunk of its own; with the console's many lazy panels the demo list fetched
// 39 scripts and stylesheets, the live list 32, the sign-in page 12. Lighthouse's mobile profile simulates
// HTTP/1.1 (6 connections, 150 ms round trip), so each file costs time before the largest paint
// (docs/performance.md).
//
// The groups, each with the modules it captures and, by Rolldown's default, what they import
// (after tree-shaking, so a barrel such as @mantine/core brings only what is used), highest
// priority first:
//  - `form-fields`: Mantine's inputs, which the sign-in form and the list's search both render.
//  - `list-page`: the console's own modules the list route imports (.size-limit.js finds the
//    chunk by this name). Other routes that share one of them load this chunk too: a few kB more
//    on their first load, nothing on a navigation from the list, which has it already.
//  - `model`: zod's full API and the console's modules both the demo and a live route import
//    (the Preview's substitution, the SIM search). Live form pages load it; never the sign-in
//    page.
//  - `browser`: what only the demo's start needs (src/mocks, MSW); vite.config.ts names its
//    chunk demo-browser-*, which e2e/perf.spec.ts checks live pages never request.
// Which modules a route imports is read off the module graph, so a new module lands where its
// importers are. What the entry imports belongs to the entry (`initial`, a higher priority).

/**
 * @typedef {{ importedIds: readonly string[], dynamicallyImportedIds: readonly string[] }} Info
 * @typedef {{ getModuleInfo(id: string): Info | null }} Graph
 * @typedef {{ entry: string, signIn: string, list: string, demo: string }} Roots module ids
 */

const NODE_MODULES = /[\\/]node_modules[\\/]/;
/** @param {string} id */
const own = (id) => !NODE_MODULES.test(id);

// The inputs' modules and the icon of the sign-in form's error, which the list's alerts show too.
const FORM_FIELDS =
  /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/](Input|InputBase|TextInput|PasswordInput|ActionIcon)[\\/]|[\\/]@tabler[\\/]icons-react[\\/].*[\\/]IconAlertCircle\.mjs$/;
const ZOD = /[\\/]node_modules[\\/]zod[\\/]/;

/**
 * The console's own modules `roots` import, transitively, the roots included: static imports,
 * and lazy ones for which `lazy` says yes. Not followed into node_modules, whose barrels import
 * every module of a package (the build's tree-shaking, not this, decides what is used there).
 * @param {Graph} graph
 * @param {string[]} roots module ids
 * @param {(id: string) => boolean} [lazy]
 * @returns {Set<string>}
 */
export function ownImports(graph, roots, lazy = () => false) {
  const seen = new Set(roots);
  const queue = [...roots];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    const info = graph.getModuleInfo(id);
    const deps = [
      ...(info?.importedIds ?? []),
      ...(info?.dynamicallyImportedIds ?? []).filter(lazy),
    ];
    for (const dep of deps) {
      if (!seen.has(dep) && own(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return seen;
}

/**
 * The groups above, for Rolldown's `output.codeSplitting.groups`.
 * @param {Roots} roots
 * @param {(id: string) => boolean} isDemo whether a module is demo code (src/mocks, src/demo)
 * @param {number} priority the first group's; keep it below `initial`'s
 */
export function firstLoadGroups(roots, isDemo, priority) {
  // One context object per chunking pass, so the closures are read once per build (a rebuild in
  // watch mode gets a new context).
  /** @type {WeakMap<Graph, Record<'signIn' | 'list' | 'demo' | 'live', Set<string>>>} */
  const cache = new WeakMap();
  /** @param {Graph} graph */
  const closures = (graph) => {
    let reach = cache.get(graph);
    if (!reach) {
      reach = {
        signIn: ownImports(graph, [roots.signIn]),
        list: ownImports(graph, [roots.list]),
        demo: ownImports(graph, [roots.demo]),
        // Whatever a live page may load, now or later: every lazy import but the demo's.
        live: ownImports(graph, [roots.entry], (id) => !isDemo(id)),
      };
      cache.set(graph, reach);
    }
    return reach;
  };
  /** @type {[string, (id: string, by: ReturnType<typeof closures>) => boolean][]} */
  const groups = [
    ['form-fields', (id) => FORM_FIELDS.test(id)],
    ['list-page', (id, by) => by.list.has(id)],
    [
      'model',
      (id, by) => ZOD.test(id) || (by.demo.has(id) && by.live.has(id) && !by.signIn.has(id)),
    ],
    ['browser', (id, by) => by.demo.has(id) && !by.live.has(id)],
  ];
  // In this order, each a priority lower than the one before.
  return groups.map(([name, captures], rank) => ({
    name: (/** @type {string} */ id, /** @type {Graph} */ graph) =>
      captures(id, closures(graph)) ? name : null,
    debugName: name,
    priority: priority - rank,
  }));
}
