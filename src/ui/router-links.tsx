import { useEffect, type AnchorHTMLAttributes, type Ref } from 'react';
import { useNavigate } from '@/ui/router-context';

export function Navigate({ to, replace = false }: { to: string; replace?: boolean }) {
  const navigate = useNavigate();
  useEffect(() => navigate(to, { replace }), [navigate, to, replace]);
  return null;
}

export type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  to: string;
  replace?: boolean;
  state?: unknown;
  ref?: Ref<HTMLAnchorElement>;
};

/** An `<a href>`: a plain click navigates in the app; a new tab, a download or a modifier key is the browser's. */
export function Link({ to, replace, state, onClick, ...anchor }: LinkProps) {
  const navigate = useNavigate();
  return (
    <a
      {...anchor}
      href={to}
      onClick={(event) => {
        onClick?.(event);
        if (
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.altKey ||
          event.ctrlKey ||
          event.shiftKey ||
          (anchor.target && anchor.target !== '_self') ||
          anchor.download !== undefined
        ) {
          return;
        }
        event.preventDefault();
        navigate(to, { replace, state });
      }}
    />
  );
}
