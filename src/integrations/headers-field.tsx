import { ActionIcon, Button, Flex, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { FieldWarnings } from '@/integrations/field-warnings';
import type { WebhookFormValues } from '@/integrations/form';
import { isRefusedHeaderName } from '@/integrations/header-rules';
import { RevealIcon, revealLabel } from '@/integrations/reveal';
import { isSecretName } from '@/placeholders/secrets';
import { unknownTokenWarnings } from '@/placeholders/warnings';
import { PasswordInput } from '@/ui/password-input';

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
  const [name = '', value = '', unreadable] = useWatch({
    control,
    name: [`headers.${index}.key`, `headers.${index}.value`, `headers.${index}.unreadable`],
  });
  const [visible, setVisible] = useState(false);
  const secret = isSecretName(name);
  const valueError = errors.headers?.[index]?.value?.message;
  const warnings = headerValueWarnings(name, value, Boolean(unreadable));
  const valueProps = {
    label: 'Header value',
    autoComplete: 'off',
    spellCheck: false,
    error: valueError,
    inputWrapperOrder: ['label', 'input', 'error', 'description'] as (
      'label' | 'input' | 'description' | 'error'
    )[],
    ...register(`headers.${index}.value`),
  };

  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      {/* Name above value on narrow screens, side by side from "sm" up. */}
      <Flex direction={{ base: 'column', sm: 'row' }} gap="xs" style={{ flex: 1, minWidth: 0 }}>
        <TextInput
          label="Header name"
          placeholder="x-api-key"
          autoComplete="off"
          spellCheck={false}
          style={{ flex: 2, minWidth: 0 }}
          error={errors.headers?.[index]?.key?.message}
          {...register(`headers.${index}.key`)}
        />
        {secret ? (
          <PasswordInput
            {...valueProps}
            style={{ flex: 3, minWidth: 0 }}
            // "new-password" keeps browsers from offering saved logins for a webhook credential.
            autoComplete="new-password"
            visible={visible}
            onVisibilityChange={setVisible}
            visibilityToggleIcon={({ reveal }) => <RevealIcon revealed={reveal} />}
            visibilityToggleButtonProps={{
              'aria-label': revealLabel(name, visible),
              'aria-pressed': visible,
            }}
            description={
              <>
                {unreadable && !value
                  ? '1NCE did not return the saved value'
                  : value
                    ? visible
                      ? 'Shown'
                      : 'Set, hidden'
                    : 'Not set'}
                <FieldWarnings warnings={warnings} />
              </>
            }
          />
        ) : (
          <TextInput
            {...valueProps}
            style={{ flex: 3, minWidth: 0 }}
            description={warnings.length > 0 && <FieldWarnings warnings={warnings} />}
          />
        )}
      </Flex>
      <ActionIcon
        variant="subtle"
        color="red"
        size="lg"
        mt={25}
        aria-label={`Remove header ${index + 1}${name.trim() ? ` (${name.trim()})` : ''}`}
        onClick={onRemove}
      >
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

/** What is worth knowing about a header that can still be saved. */
function headerValueWarnings(name: string, value: string, unreadable: boolean): string[] {
  const warnings: string[] = [];
  const trimmed = name.trim();
  if (trimmed.toLowerCase() === 'content-type') {
    warnings.push(
      '1NCE sends every event as Content-Type: application/json; a Content-Type of your own may be overridden.',
    );
  }
  // An empty credential is refused by the form itself, and so is a name it will not send.
  if (value === '' && !unreadable && !isSecretName(trimmed) && !isRefusedHeaderName(trimmed)) {
    warnings.push('Empty: 1NCE sends this header with no value.');
  }
  warnings.push(...unknownTokenWarnings(value));
  return warnings;
}
