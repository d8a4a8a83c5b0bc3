// Each Playwright worker has a console server and a 1NCE API stand-in of its own (started by
// playwright.config.ts), so a reset or an injected fault of one worker's test never reaches the
// other's. Worker 0 uses E2E_PORT and UPSTREAM_PORT (4173, 4174), worker n those plus 2n.

/** How many workers, and so how many server and stand-in pairs, a run has. */
export const E2E_WORKERS = Number(process.env.E2E_WORKERS ?? 2);

export function workerPorts(parallelIndex: number) {
  return {
    server: Number(process.env.E2E_PORT ?? 4173) + 2 * parallelIndex,
    upstream: Number(process.env.UPSTREAM_PORT ?? 4174) + 2 * parallelIndex,
  };
}

/** The ports of the worker this code runs in (TEST_PARALLEL_INDEX: set in Playwright's workers). */
export const ownPorts = () => workerPorts(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
