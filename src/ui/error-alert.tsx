import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { describeError } from '@/api/errors';

export function ErrorAlert({
  title,
  error,
  onRetry,
  note,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
  /** What the failure means for the user's data or next step. */
  note?: string;
}) {
  return (
    <Alert color="red" title={title} icon={<IconAlertCircle aria-hidden />} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        {note && <Text size="sm">{note}</Text>}
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
