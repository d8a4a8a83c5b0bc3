import '@mantine/core/styles/Checkbox.layer.css';
import { Alert, Button, Checkbox, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Controller, useFormContext } from 'react-hook-form';
import { describeError } from '@/api/errors';
import type { WebhookFormValues } from '@/integrations/form';
import { eventTypeLabel } from '@/ui/labels';
import { integrationQueries } from '@/integrations/queries';

export function EventTypesField() {
  const query = useQuery(integrationQueries.eventTypes());
  const { control } = useFormContext<WebhookFormValues>();
  if (query.isPending) return <Skeleton height={120} aria-label="Loading event types" />;
  if (query.isError) {
    return (
      <Alert color="red" title="Could not load event types">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{describeError(query.error)}</Text>
          <Button size="xs" variant="light" color="red" onClick={() => query.refetch()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  // TEST_MESSAGE is listed by the API but only 1NCE itself can send it.
  const subscribable = query.data.filter((info) => info.name !== 'TEST_MESSAGE');
  return (
    <Controller
      control={control}
      name="eventTypes"
      render={({ field, fieldState }) => (
        <Checkbox.Group
          label="Event types"
          description="Which events 1NCE forwards to this endpoint."
          required
          value={field.value}
          onChange={field.onChange}
          error={fieldState.error?.message}
        >
          <Stack gap="xs" mt="xs">
            {subscribable.map((info) => (
              <Checkbox
                key={info.name}
                value={info.name}
                label={eventTypeLabel(info.name)}
                description={info.description}
                onBlur={field.onBlur}
                // The group's error is its description; each box says it is part of the problem.
                aria-invalid={fieldState.error ? true : undefined}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    />
  );
}
