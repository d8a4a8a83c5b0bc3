/** @typedef {'demo' | 'live'} Mode */

/** @type {readonly Mode[]} */
export const MODES = ['demo', 'live'];
/** Unset: both, the demo first, so `npm start` on a fresh machine opens something that works. */
/** @type {readonly Mode[]} */
export const DEFAULT_MODES = ['demo', 'live'];

const ALLOWED =
  'CONSOLE_MODES is a comma list of "live" and "demo", each at most once, the first being what ' +
  'a new tab opens: "demo,live" (the default when unset), "live,demo", "live" or "demo".';

/**
 * The modes a deployment offers, from CONSOLE_MODES. Unset or empty (as `||` treats the other
 * settings) means the default. Whitespace around an entry is tolerated; anything else that is
 * not exactly one of the allowed lists (an unknown or upper-case word, an empty entry as in
 * "live,", a mode twice) throws, saying what is allowed: a typo must not quietly deploy a demo.
 * @param {string | undefined} value
 * @returns {Mode[]}
 */
export function parseConsoleModes(value) {
  if (value === undefined || value.trim() === '') return [...DEFAULT_MODES];
  const entries = value.split(',').map((entry) => entry.trim());
  /** @type {Mode[]} */
  const modes = [];
  for (const entry of entries) {
    const problem =
      entry === ''
        ? 'it has an empty entry'
        : !MODES.includes(/** @type {Mode} */ (entry))
          ? `"${entry}" is not a mode`
          : modes.includes(/** @type {Mode} */ (entry))
            ? `"${entry}" is listed twice`
            : undefined;
    if (problem) throw new Error(`CONSOLE_MODES="${value}" is refused: ${problem}. ${ALLOWED}`);
    modes.push(/** @type {Mode} */ (entry));
  }
  return modes;
}

/**
 * The modes from the environment, or the refusal on stderr and exit code 1: for server/index.js
 * and server/start.js (which checks before it spends a minute building).
 * @param {NodeJS.ProcessEnv} env
 * @returns {Mode[]}
 */
export function consoleModesOrExit(env) {
  try {
    return parseConsoleModes(env.CONSOLE_MODES);
  } catch (error) {
    console.error(/** @type {Error} */ (error).message);
    process.exit(1);
  }
}

/**
 * The start-up line about modes: which are offered, the order (the first opens in a new tab) and
 * where live mode's API is.
 * @param {readonly Mode[]} modes
 * @param {string} upstream the Management API's base URL
 */
export function modesLine(modes, upstream) {
  /** @type {Record<Mode, string>} */
  const described = {
    demo: 'demo (simulated API in the browser)',
    live: `live (1NCE API at ${new URL(upstream).host}, MANAGEMENT_API_URL=${upstream})`,
  };
  const setting = `CONSOLE_MODES=${modes.join(',')}`;
  if (modes.length === 1) {
    const missing = modes[0] === 'live' ? 'no demo' : 'no live mode and no sign-in';
    return `Modes: ${described[modes[0]]} only, ${missing} (${setting})`;
  }
  return `Modes: ${modes.map((mode) => described[mode]).join(' and ')}; a new tab opens ${modes[0]} (${setting})`;
}
