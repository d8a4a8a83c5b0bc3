import { resolveMode } from '@/app/mode';

describe('resolveMode', () => {
  beforeEach(() => sessionStorage.clear());

  it.each([
    ['', null, 'demo'],
    ['?demo', null, 'demo'],
    ['?live', null, 'live'],
    ['', 'live', 'live'],
    ['?demo', 'live', 'demo'],
    ['?page=2&live', 'demo', 'live'],
    ['', 'garbage', 'demo'],
  ])('search %j with stored %j opens %s', (search, stored, expected) => {
    if (stored) sessionStorage.setItem('integrator-console:mode', stored);
    expect(resolveMode({ search })).toBe(expected);
  });

  it('remembers an explicit choice for the rest of the tab', () => {
    resolveMode({ search: '?live' });
    expect(resolveMode({ search: '' })).toBe('live');
  });
});
