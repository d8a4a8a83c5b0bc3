import { Skeleton, Stack } from '@mantine/core';

/** A list's or table's rows while they load; `label` says what is loading. */
export function RowsSkeleton({
  label,
  rows,
  height,
}: {
  label: string;
  rows: number;
  height: number;
}) {
  return (
    <Stack gap="xs" role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={height} />
      ))}
    </Stack>
  );
}

/** A page's title and body while the page's data loads; `label` says what is loading. */
export function PageSkeleton({ label, height }: { label: string; height: number }) {
  return (
    <Stack role="status" aria-label={label}>
      <Skeleton height={36} width="40%" />
      <Skeleton height={height} />
    </Stack>
  );
}
