import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import type { WebhookFormValues } from '@/integrations/form';

export function HeadersField() {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<WebhookFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'headers' });
  const rootError = errors.headers?.root?.message ?? errors.headers?.message;

  return (
    <Stack gap="xs" role="group" aria-labelledby="headers-label">
      <div>
        <Text id="headers-label" fw={500} size="sm">
          HTTP headers
        </Text>
        <Text size="xs" c="dimmed">
          Sent with every event, for example the API key your endpoint expects. Values may use
          :iccid:, :imsi: and :ip:.
        </Text>
      </div>
      {fields.map((field, index) => (
        <Group key={field.id} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            label="Header name"
            placeholder="x-api-key"
            autoComplete="off"
            spellCheck={false}
            style={{ flex: 2 }}
            error={errors.headers?.[index]?.key?.message}
            {...register(`headers.${index}.key`)}
          />
          <TextInput
            label="Header value"
            autoComplete="off"
            spellCheck={false}
            style={{ flex: 3 }}
            error={errors.headers?.[index]?.value?.message}
            {...register(`headers.${index}.value`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mt={25}
            aria-label={`Remove header ${index + 1}`}
            onClick={() => remove(index)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {rootError && (
        <Text size="sm" c="red" role="alert">
          {rootError}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => append({ key: '', value: '' })}
        >
          Add header
        </Button>
      </Group>
    </Stack>
  );
}
