import {
  Alert,
  Grid,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Controller, FormProvider, useForm, useFormContext, useWatch } from 'react-hook-form';
import { useBlocker } from 'react-router';
import { describeError } from '@/api/request';
import { placeServerError, webhookFormSchema, type WebhookFormValues } from '@/integrations/form';
import { CopyValue } from '@/integrations/copy-value';
import { HeadersField } from '@/integrations/headers-field';
import { SOURCE_IPS, eventTypeLabel } from '@/integrations/labels';
import { integrationQueries } from '@/integrations/queries';
import { PreviewPanel } from '@/placeholders/preview-panel';

export type SubmitOutcome = 'saved' | 'unchanged';

interface WebhookFormProps {
  mode: 'create' | 'edit';
  defaultValues: WebhookFormValues;
  /** Resolves when saved; throws the request's error otherwise. */
  onSubmit: (values: WebhookFormValues) => Promise<SubmitOutcome>;
  onCancel: () => void;
}

export function WebhookForm({ mode, defaultValues, onSubmit, onCancel }: WebhookFormProps) {
  const methods = useForm<WebhookFormValues>({
    resolver: zodResolver(webhookFormSchema),
    defaultValues,
    // Validating on blur would shift the layout under the pointer mid-click (e.g. on
    // "Add header" right after typing a bad URL); errors appear on submit, then update as typed.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isDirty, isSubmitting },
  } = methods;
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const leaving = useRef(false);

  const save = async (values: WebhookFormValues) => {
    setFormError(null);
    setNotice(null);
    // Set before onSubmit, which navigates away on success, so the dirty-form guard lets it go.
    leaving.current = true;
    try {
      const outcome = await onSubmit(values);
      if (outcome === 'unchanged') {
        leaving.current = false;
        setNotice('Nothing changed, so nothing was sent.');
      }
    } catch (error) {
      leaving.current = false;
      const placement = placeServerError(error);
      placement.fields.forEach(({ field, message }, index) =>
        setError(field, { type: 'server', message }, { shouldFocus: index === 0 }),
      );
      setFormError(placement.form ?? null);
    }
  };

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  return (
    <FormProvider {...methods}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <form
            onSubmit={(event) => void handleSubmit(save)(event)}
            noValidate
            aria-label={mode === 'create' ? 'New webhook' : 'Edit webhook'}
          >
            <Stack gap="lg">
              {formError && (
                <Alert
                  color="red"
                  title="Not saved"
                  icon={<IconAlertCircle aria-hidden />}
                  role="alert"
                >
                  {formError} Your input is kept; correct it or try again.
                </Alert>
              )}
              {notice && (
                <Alert color="blue" role="status">
                  {notice}
                </Alert>
              )}
              <Paper withBorder p="md">
                <Stack gap="md">
                  <TextInput
                    label="Integration name"
                    required={mode === 'create'}
                    readOnly={mode === 'edit'}
                    description={
                      mode === 'edit'
                        ? 'The 1NCE API cannot rename an integration.'
                        : 'Up to 128 characters; it cannot be changed later.'
                    }
                    error={errors.name?.message}
                    autoComplete="off"
                    {...register('name')}
                  />
                  <Stack gap={6}>
                    <TextInput
                      label="Endpoint URL"
                      required
                      placeholder="https://example.com/1nce/events"
                      description="1NCE sends each event as an HTTPS POST here. :iccid:, :imsi: and :ip: are replaced per event."
                      error={errors.url?.message}
                      autoComplete="off"
                      spellCheck={false}
                      inputMode="url"
                      {...register('url')}
                    />
                    <SourceIps />
                  </Stack>
                </Stack>
              </Paper>

              <Paper withBorder p="md">
                <HeadersField />
              </Paper>

              <Paper withBorder p="md">
                <Stack gap="md">
                  <EventTypesField />
                  <Controller
                    control={control}
                    name="jsonPayloadEnabled"
                    render={({ field: { value, onChange, ...field } }) => (
                      <Switch
                        {...field}
                        checked={value}
                        onChange={(event) => onChange(event.currentTarget.checked)}
                        label="Parse JSON payload"
                        description="Raw UDP and CoAP messages that are valid JSON arrive as JSON instead of Base64. LwM2M and translated messages are always JSON."
                      />
                    )}
                  />
                </Stack>
              </Paper>

              <Group justify="flex-end">
                <Button variant="default" onClick={onCancel}>
                  Cancel
                </Button>
                <Button type="submit" loading={isSubmitting}>
                  {mode === 'create' ? 'Create webhook' : 'Save changes'}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <div style={{ position: 'sticky', top: 76 }}>
            <FormPreview />
          </div>
        </Grid.Col>
      </Grid>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title="Leave without saving?"
      >
        <Stack>
          <Text size="sm">Your changes to this webhook have not been saved.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()}>
              Stay
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()}>
              Discard changes
            </Button>
          </Group>
        </Stack>
      </Modal>
    </FormProvider>
  );
}

function EventTypesField() {
  const query = useQuery(integrationQueries.eventTypes());
  const { control } = useFormContext();
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
          value={field.value as string[]}
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
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    />
  );
}

function SourceIps() {
  return (
    <Text size="xs" c="dimmed" component="div">
      <Group gap={6}>
        <span>If your endpoint filters by IP, allow the addresses 1NCE delivers from:</span>
        {SOURCE_IPS.map((ip) => (
          <Group key={ip} gap={2} wrap="nowrap">
            <Code>{ip}</Code>
            <CopyValue value={ip} label={`Copy ${ip}`} size={12} />
          </Group>
        ))}
      </Group>
    </Text>
  );
}

/** The live preview of what the form would save; deferred so typing never waits for it. */
function FormPreview() {
  const { control } = useFormContext<WebhookFormValues>();
  const [name, url, headers, eventTypes, jsonPayloadEnabled] = useDeferredValue(
    useWatch({ control, name: ['name', 'url', 'headers', 'eventTypes', 'jsonPayloadEnabled'] }),
  );
  const definition = useMemo(
    () => ({
      url: url.trim(),
      headers: Object.fromEntries(
        headers.filter((row) => row.key.trim()).map((row) => [row.key.trim(), row.value]),
      ),
    }),
    [url, headers],
  );
  const integration = useMemo(
    () => ({ id: 'your-integration-id', name: name || 'your-integration' }),
    [name],
  );
  return (
    <PreviewPanel
      definition={definition}
      eventTypes={eventTypes}
      jsonPayloadEnabled={jsonPayloadEnabled}
      integration={integration}
      eventTypeLabel={eventTypeLabel}
      maxHeight="calc(100vh - 92px)"
    />
  );
}
