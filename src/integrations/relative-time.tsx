import { Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { formatExact, formatRelative } from '@/integrations/labels';

/** Not a tab stop; the exact time is in the tooltip for the mouse and in the text for a screen reader. */
export function RelativeTime({ iso, empty }: { iso: string | undefined; empty: string }) {
  if (!iso)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  return (
    <Tooltip label={formatExact(iso)}>
      <Text component="time" dateTime={iso} size="sm">
        {formatRelative(iso)}
        <VisuallyHidden> ({formatExact(iso)})</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}
