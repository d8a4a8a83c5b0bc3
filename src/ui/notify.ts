import type { NotificationData } from '@mantine/notifications';

// Toasts are rare (after a create, a save, a delete, a stopped batch): their container, its
// transitions and styles load with the first one, not with every page (budgets.json `load`).
let wanted = false;
const listeners = new Set<() => void>();

/**
 * Back to a tab that has shown no toast, for unit tests that share this module between files
 * (vite.config.ts: the app project runs without isolation).
 */
export function resetToastsWanted() {
  wanted = false;
  listeners.forEach((listener) => listener());
}

export const toastsWanted = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => wanted,
};

/** Shows a toast, loading the notifications code the first time. */
export async function notify(data: NotificationData) {
  const { notifications } = await import('@mantine/notifications');
  if (!wanted) {
    wanted = true;
    listeners.forEach((listener) => listener());
  }
  notifications.show(data);
}
