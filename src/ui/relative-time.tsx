import { Text, VisuallyHidden } from '@mantine/core';
import { formatExact, formatRelative } from '@/ui/format';
import { Hint } from '@/ui/hint';

/**
 * Not a tab stop; the exact time is in the tooltip for the mouse and in the text for a screen
 * reader. `exactShown`: the exact time is already on screen beside it, so no tooltip repeats it.
 */
export function RelativeTime({
  iso,
  empty,
  exactShown = false,
}: {
  iso: string | undefined;
  empty: string;
  exactShown?: boolean;
}) {
  if (!iso)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  const exact = formatExact(iso);
  const time = (
    <Text component="time" dateTime={iso} size="sm">
      {formatRelative(iso)}
      <VisuallyHidden> ({exact})</VisuallyHidden>
    </Text>
  );
  return exactShown ? time : <Hint label={exact}>{time}</Hint>;
}
