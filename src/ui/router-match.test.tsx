import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryRouter } from '@/ui/router-history';
import { matchPath } from '@/ui/router-match';
import { renderWith } from '@/test/router-pages';

describe('matchPath', () => {
  it.each([
    ['/integrations/:id', '/integrations/abc', { id: 'abc' }],
    ['/integrations/:id', '/integrations/a%2Fb', { id: 'a/b' }],
    ['/integrations/:id/edit', '/integrations/abc/edit', { id: 'abc' }],
    ['/integrations', '/integrations/', {}],
    ['/', '/', {}],
    ['*', '/anything/at/all', {}],
    ['/integrations/:id', '/integrations', null],
    ['/integrations/:id', '/integrations/abc/edit', null],
    ['/integrations/new', '/integrations/old', null],
    ['/integrations/:id', '/integrations/%E0%A4%A', null],
  ])('%s against %s', (pattern, pathname, params) => {
    expect(matchPath(pattern, pathname)).toEqual(params);
  });
});

describe('Routes', () => {
  it('renders the route of the location, with its params decoded', async () => {
    renderWith(createMemoryRouter(['/items/x%2Fy']));
    expect(screen.getByText('Item x/y')).toBeInTheDocument();
  });
});
