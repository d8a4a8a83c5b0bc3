import { resolveMode, switchMode } from '@/app/mode';
import { OFF_ORIGIN, ON_ORIGIN } from '@/test/hostile-paths';
import type { Mode, Modes } from '@/ui/deployment';

const KEY = 'integrator-console:mode';
const BOTH: Modes = ['demo', 'live'];

describe('resolveMode', () => {
  beforeEach(() => sessionStorage.clear());

  it.each<[Modes, string, string | null, Mode]>([
    // Unset CONSOLE_MODES (demo,live): as before modes could be chosen.
    [BOTH, '', null, 'demo'],
    [BOTH, '?demo', null, 'demo'],
    [BOTH, '?live', null, 'live'],
    [BOTH, '', 'live', 'live'],
    [BOTH, '?demo', 'live', 'demo'],
    [BOTH, '?page=2&live', 'demo', 'live'],
    [BOTH, '?demo&live', null, 'demo'],
    [BOTH, '', 'garbage', 'demo'],
    // live,demo: a new tab signs in; the demo stays one choice away.
    [['live', 'demo'], '', null, 'live'],
    [['live', 'demo'], '?demo', null, 'demo'],
    [['live', 'demo'], '', 'demo', 'demo'],
    [['live', 'demo'], '', 'garbage', 'live'],
    // live only: ?demo and a remembered demo are ignored.
    [['live'], '', null, 'live'],
    [['live'], '?demo', null, 'live'],
    [['live'], '?demo&live', null, 'live'],
    [['live'], '', 'demo', 'live'],
    [['live'], '?demo', 'demo', 'live'],
    // demo only: ?live and a remembered live are ignored.
    [['demo'], '?live', null, 'demo'],
    [['demo'], '', 'live', 'demo'],
    [['demo'], '?live', 'live', 'demo'],
  ])('offered %j, search %j, stored %j: opens %s', (offered, search, stored, expected) => {
    if (stored) sessionStorage.setItem(KEY, stored);
    expect(resolveMode(offered, { search })).toBe(expected);
  });

  it('remembers an explicit choice for the rest of the tab', () => {
    resolveMode(['live', 'demo'], { search: '?demo' });
    expect(resolveMode(['live', 'demo'], { search: '' })).toBe('demo');
  });

  it('does not remember a mode that is not offered', () => {
    resolveMode(['live'], { search: '?demo' });
    expect(sessionStorage.getItem(KEY)).toBeNull();
    // The same tab after a redeploy that offers the demo again still opens the default.
    expect(resolveMode(['live', 'demo'], { search: '' })).toBe('live');
  });
});

describe('switchMode', () => {
  beforeEach(() => sessionStorage.clear());

  /** A location that records where the page was sent instead of leaving it. */
  function fakeLocation() {
    const assigned: string[] = [];
    return {
      origin: window.location.origin,
      assign: (url: string) => assigned.push(url),
      assigned,
    };
  }

  it.each(ON_ORIGIN)('loads %j as %j in the other mode', (path, loaded) => {
    const location = fakeLocation();
    switchMode('live', path, location);
    expect(location.assigned).toEqual([loaded]);
    expect(sessionStorage.getItem(KEY)).toBe('live');
  });

  // The last step before the page is left, whoever asks: the tab stays on the console.
  it.each(OFF_ORIGIN.map((path) => [path]))('loads the start page instead of %j', (path) => {
    const location = fakeLocation();
    switchMode('live', path, location);
    expect(location.assigned).toEqual(['/']);
  });
});
