/** @typedef {'demo' | 'live'} Mode */

/** @type {readonly Mode[]} */
const MODES = ['demo', 'live'];
/** Unset: both, the demo first, so `npm start` on a fresh machine opens something that works. */
/** @type {readonly Mode[]} */
export const DEFAULT_MODES = ['demo', 'live'];
/** Where live mode's API is when MANAGEMENT_API_URL is unset or empty. */
export const DEFAULT_UPSTREAM = 'https://api.1nce.com/management-api';

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
  /** @param {string} problem */
  const refused = (problem) =>
    new Error(`CONSOLE_MODES="${value}" is refused: ${problem}. ${ALLOWED}`);
  /** @type {Mode[]} */
  const modes = [];
  for (const entry of value.split(',').map((item) => item.trim())) {
    if (entry === '') throw refused('it has an empty entry');
    const mode = /** @type {Mode} */ (entry);
    if (!MODES.includes(mode)) throw refused(`"${entry}" is not a mode`);
    if (modes.includes(mode)) throw refused(`"${entry}" is listed twice`);
    modes.push(mode);
  }
  return modes;
}

/**
 * The Management API's base URL from MANAGEMENT_API_URL, without a trailing slash. Unset or empty
 * means the default, for `npm start` and `npm run dev` alike.
 * @param {NodeJS.ProcessEnv} env
 */
export function upstreamFromEnv(env) {
  return (env.MANAGEMENT_API_URL || DEFAULT_UPSTREAM).replace(/\/+$/, '');
}

/**
 * What the page needs to know before its first render (server/app-shell.js writes it in): an
 * object, so more settings can join without breaking pages. Only the API's host: the page names
 * it ("Live: api.1nce.com") and never talks to it directly.
 * @param {string} upstream the Management API's base URL
 * @param {readonly Mode[]} modes
 */
export function consoleConfig(upstream, modes) {
  return { upstream: new URL(upstream).host, modes: [...modes] };
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
