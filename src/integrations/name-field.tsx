import { TextInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { WebhookFormValues } from '@/integrations/form';
import { NAME_MAX } from '@/integrations/schemas';

// The count appears when it starts to matter, so it does not clutter every create form.
const COUNTER_FROM = NAME_MAX - 28;

export function NameField({ mode }: { mode: 'create' | 'edit' }) {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<WebhookFormValues>();
  const name = useWatch({ control, name: 'name' }) ?? '';
  if (mode === 'edit') {
    return (
      <TextInput
        label="Integration name"
        readOnly
        variant="filled"
        rightSection={<IconLock size={16} aria-hidden />}
        description="Read-only: the 1NCE API cannot rename an integration."
        styles={{ input: { cursor: 'default', color: 'var(--mantine-color-dimmed)' } }}
        {...register('name')}
      />
    );
  }
  const counter =
    name.length >= COUNTER_FROM ? ` ${name.length} of ${NAME_MAX} characters used.` : '';
  return (
    <TextInput
      label="Integration name"
      required
      description={`Up to ${NAME_MAX} characters; it cannot be changed later.${counter}`}
      error={errors.name?.message}
      autoComplete="off"
      {...register('name')}
    />
  );
}
