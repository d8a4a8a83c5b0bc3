import '@mantine/core/styles/Progress.layer.css';
import { Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * How far a load of many pages or details has got: a sentence and a bar, announced as a status.
 * `total` undefined (not known yet) or 0 shows an empty bar.
 */
export function ProgressStatus({
  done,
  total,
  label,
  animated,
  children,
}: {
  done: number;
  total: number | undefined;
  /** The bar's accessible name. */
  label: string;
  animated?: boolean;
  children: ReactNode;
}) {
  return (
    <Stack gap={4} role="status">
      <Text size="sm">{children}</Text>
      <Progress value={total ? (100 * done) / total : 0} aria-label={label} animated={animated} />
    </Stack>
  );
}
