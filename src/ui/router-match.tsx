import { createContext, use, type ReactNode } from 'react';
import { useLocation } from '@/ui/router-context';

/** The params of `pattern` (`/integrations/:id/edit`, `*` for any path) in `pathname`, or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  if (pattern === '*') return {};
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = have[i]!;
    if (part.startsWith(':')) {
      const value = decoded(segment);
      if (value === undefined) return null;
      params[part.slice(1)] = value;
    } else if (part !== segment) return null;
  }
  return params;
}

/** `text` URI-decoded, or undefined when it is not valid percent-encoding (`%E0%A4%A`). */
export function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const ParamsContext = createContext<Record<string, string>>({});

export function useParams<T extends Record<string, string>>(): Partial<T> {
  return use(ParamsContext) as Partial<T>;
}

export interface Route {
  path: string;
  element: ReactNode;
}

/** The element of the first route whose path matches the location, with its params. */
export function Routes({ routes }: { routes: readonly Route[] }) {
  const { pathname } = useLocation();
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return <ParamsContext value={params}>{route.element}</ParamsContext>;
  }
  return null;
}
