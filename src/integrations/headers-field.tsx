import { ActionIcon, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { WebhookFormValues } from '@/integrations/form';
import { isSecretName } from '@/placeholders/secrets';

export function HeadersField() {
  const {
    control,
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
          :iccid:, :imsi: and :ip:. Values of credential-looking headers stay hidden until shown.
        </Text>
      </div>
      {fields.map((field, index) => (
        <HeaderRow key={field.id} index={index} onRemove={() => remove(index)} />
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
          // Focus the new row's name: without focusName react-hook-form focuses its value field.
          onClick={() =>
            append({ key: '', value: '' }, { focusName: `headers.${fields.length}.key` })
          }
        >
          Add header
        </Button>
      </Group>
    </Stack>
  );
}

function HeaderRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<WebhookFormValues>();
  const [name, value] = useWatch({
    control,
    name: [`headers.${index}.key`, `headers.${index}.value`],
  });
  const [visible, setVisible] = useState(false);
  const secret = isSecretName(name ?? '');
  const valueProps = {
    label: 'Header value',
    autoComplete: 'off',
    spellCheck: false,
    style: { flex: 3 },
    error: errors.headers?.[index]?.value?.message,
    ...register(`headers.${index}.value`),
  };

  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <TextInput
        label="Header name"
        placeholder="x-api-key"
        autoComplete="off"
        spellCheck={false}
        style={{ flex: 2 }}
        error={errors.headers?.[index]?.key?.message}
        {...register(`headers.${index}.key`)}
      />
      {secret ? (
        <PasswordInput
          {...valueProps}
          // "new-password" keeps browsers from offering saved logins for a webhook credential.
          autoComplete="new-password"
          visible={visible}
          onVisibilityChange={setVisible}
          visibilityToggleButtonProps={{
            'aria-label': visible ? `Hide value of ${name}` : `Show value of ${name}`,
          }}
          description={value ? (visible ? 'Shown' : 'Set, hidden') : 'Not set'}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      ) : (
        <TextInput {...valueProps} />
      )}
      <ActionIcon
        variant="subtle"
        color="red"
        size="lg"
        mt={25}
        aria-label={`Remove header ${index + 1}`}
        onClick={onRemove}
      >
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
