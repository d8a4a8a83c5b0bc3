import {
  createTheme,
  darken,
  luminance,
  type CSSVariablesResolver,
  type DrawerProps,
  type MantineTheme,
  type ModalProps,
  type NotificationProps,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  // Plain objects, not Modal.extend(…): importing the components here would put the code of a
  // dialog, a drawer and a toast into every page's first load.
  components: {
    // A dialog's <header> is not the page's banner: without a role it is a second banner landmark.
    // Its close button has only an icon: it needs a name (Export and Import had none; 'Close' is
    // their footer button's).
    Modal: {
      defaultProps: {
        attributes: { header: { role: 'none' } },
        closeButtonProps: { 'aria-label': 'Close dialog' },
      } satisfies Partial<ModalProps>,
    },
    Drawer: {
      defaultProps: {
        attributes: { header: { role: 'none' } },
        closeButtonProps: { 'aria-label': 'Close dialog' },
      } satisfies Partial<DrawerProps>,
    },
    // Toasts (notify) have a close button with only an icon: it needs a name.
    Notification: {
      defaultProps: {
        closeButtonProps: { 'aria-label': 'Close notification' },
      } satisfies Partial<NotificationProps>,
    },
  },
});

// WCAG AA asks for 4.5:1; a little more leaves room for rounding in the browser.
const MIN_CONTRAST = 4.6;

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The first of `candidates` with enough contrast to `against`, else the last one darkened until it has. */
function readable(candidates: string[], against: string): string {
  const found = candidates.find((color) => contrast(color, against) >= MIN_CONTRAST);
  if (found) return found;
  let color = candidates.at(-1)!;
  for (let step = 0; step < 20 && contrast(color, against) < MIN_CONTRAST; step++) {
    color = darken(color, 0.05);
  }
  return color;
}

/**
 * Mantine's default palette misses AA contrast in places: white on the filled shade (6) of most
 * colours, shade 9 text on shades 1 and 2 in light variants (badges, alerts, light buttons and
 * their hover), the dimmed and error texts. The same colours, only with readable shades.
 */
export const cssVariablesResolver: CSSVariablesResolver = (current: MantineTheme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-filled)',
    '--mantine-color-anchor': `var(--mantine-color-${current.primaryColor}-filled)`,
  };
  const dark: Record<string, string> = {
    // Between dark-2 (4.0:1 on the body) and dark-1 (too close to the text colour, dark-0).
    '--mantine-color-dimmed': '#a6a6a6',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  };
  for (const [name, shades] of Object.entries(current.colors)) {
    if (!Array.isArray(shades)) continue; // virtual colours resolve to the ones below
    const white = current.white;
    const lightFilled = readable(shades.slice(6), white);
    light[`--mantine-color-${name}-filled`] = lightFilled;
    light[`--mantine-color-${name}-filled-hover`] = darken(lightFilled, 0.1);
    light[`--mantine-color-${name}-outline`] = lightFilled;
    // Against shade 2, the light variant's hover background (shade 1 at rest is lighter): a
    // hovered light button stays readable too (axe, phone.spec with the mouse left on one).
    light[`--mantine-color-${name}-light-color`] = readable([shades[9]], shades[2]);
    const darkFilled = readable(shades.slice(8), white);
    dark[`--mantine-color-${name}-filled`] = darkFilled;
    dark[`--mantine-color-${name}-filled-hover`] = darken(darkFilled, 0.1);
  }
  return { variables: {}, light, dark };
};
