import { IconEye, IconEyeOff } from '@tabler/icons-react';

// One reveal control for secret values everywhere (form, detail page): the same icon, words and
// pressed state, so a user learns it once.
export function RevealIcon({ revealed, size = 16 }: { revealed: boolean; size?: number }) {
  return revealed ? <IconEyeOff size={size} aria-hidden /> : <IconEye size={size} aria-hidden />;
}

export function revealLabel(name: string, revealed: boolean): string {
  return `${revealed ? 'Hide' : 'Show'} value of ${name}`;
}
