import {
  Alert,
  Grid,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Controller, FormProvider, useForm, useFormContext, useWatch } from 'react-hook-form';
import { useBlocker } from 'react-router';
import { ApiError, describeError } from '@/api/errors';
import { SLOW_MESSAGE, useSlowHint } from '@/app/use-slow-hint';
import { clearDraft, loadDraft, restoreDraft, saveDraft } from '@/integrations/drafts';
import {
  placeServerError,
  rowsToHeaders,
  savableHeaderRows,
  webhookFormSchema,
  type WebhookFormValues,
} from '@/integrations/form';
import { HeadersField } from '@/integrations/headers-field';
import { eventTypeLabel } from '@/integrations/labels';
import { NameField } from '@/integrations/name-field';
import { UrlField } from '@/integrations/url-field';
import { integrationQueries } from '@/integrations/queries';
import { PreviewPanel } from '@/placeholders/preview-panel';
import { DevicePickerSlot } from '@/sims/device-picker-slot';

// Memoised, or useDeferredValue below defers nothing: each keystroke's urgent render would still
// re-render the whole preview (with its props unchanged) before the input could paint.
const DeferredPreviewPanel = memo(PreviewPanel);

const FIELD_LABELS: Record<keyof WebhookFormValues, string> = {
  name: 'Integration name',
  url: 'Endpoint URL',
  headers: 'HTTP headers',
  eventTypes: 'Event types',
  jsonPayloadEnabled: 'Parse JSON payload',
};

export type SubmitOutcome = 'saved' | 'unchanged';

interface WebhookFormProps {
  mode: 'create' | 'edit';
  defaultValues: WebhookFormValues;
  /** Resolves when saved; throws the request's error otherwise. */
  onSubmit: (values: WebhookFormValues) => Promise<SubmitOutcome>;
  onCancel: () => void;
  /** Where this form's unsaved draft lives in the tab's sessionStorage. */
  draftKey: string;
  /**
   * Header rows that must not be sent as they are (a saved value 1NCE did not return readably),
   * checked when Save is pressed: each gets its message and nothing is sent.
   */
  blockedRows?: (values: WebhookFormValues) => { index: number; name: string }[];
  /** Values to start from instead of `defaultValues` or a draft (see hand-over.ts). */
  initialValues?: WebhookFormValues;
  /** Said at the Endpoint URL field. */
  urlHint?: string;
}

export function WebhookForm({
  mode,
  defaultValues,
  onSubmit,
  onCancel,
  draftKey,
  blockedRows,
  initialValues,
  urlHint,
}: WebhookFormProps) {
  // The saved values are the baseline; a draft overlays only the fields it changed.
  const [restored] = useState(() => {
    const draft = initialValues ? null : loadDraft(draftKey);
    return draft ? restoreDraft(defaultValues, draft) : null;
  });
  const methods = useForm<WebhookFormValues>({
    resolver: zodResolver(webhookFormSchema),
    defaultValues,
    // A restored draft is what the user typed; the saved values stay the baseline for isDirty.
    values: restored?.values ?? initialValues,
    resetOptions: { keepDefaultValues: true },
    // Validating on blur would shift the layout under the pointer mid-click (e.g. on
    // "Add header" right after typing a bad URL); errors appear on submit, then update as typed.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, isDirty, isSubmitting, submitCount },
  } = methods;
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [draftNotice, setDraftNotice] = useState(restored !== null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const leaving = useRef(false);
  const saving = useRef(false);
  const slow = useSlowHint(isSubmitting);

  const { subscribe } = methods;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => saveDraft(draftKey, values, defaultValues),
      }),
    [subscribe, draftKey, defaultValues],
  );

  useEffect(() => {
    if (retryAt === null) return;
    const timer = window.setTimeout(() => setRetryAt(null), Math.max(0, retryAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [retryAt]);

  // Which fields still need attention, visible and kept current as each is fixed.
  const invalidFields = (Object.keys(errors) as (keyof WebhookFormValues)[])
    .filter((field) => field in FIELD_LABELS)
    .map((field) => FIELD_LABELS[field]);

  const discardDraft = () => {
    clearDraft(draftKey);
    methods.reset(defaultValues);
    setDraftNotice(false);
  };

  const save = async (values: WebhookFormValues) => {
    // A double click must never send two POSTs.
    if (saving.current) return;
    const blocked = blockedRows?.(values) ?? [];
    if (blocked.length > 0) {
      blocked.forEach(({ index, name }, position) =>
        setError(
          `headers.${index}.value`,
          {
            type: 'unreadable',
            message: `1NCE did not return the saved value of ${name}: enter it again or remove the header`,
          },
          { shouldFocus: position === 0 },
        ),
      );
      return;
    }
    saving.current = true;
    setFormError(null);
    setNotice(null);
    // Set before onSubmit, which navigates away on success, so the dirty-form guard lets it go.
    leaving.current = true;
    try {
      const outcome = await onSubmit(values);
      if (outcome === 'unchanged') {
        leaving.current = false;
        setNotice('Nothing changed, so nothing was sent.');
      } else {
        clearDraft(draftKey);
      }
    } catch (error) {
      leaving.current = false;
      const placement = placeServerError(error);
      placement.fields.forEach(({ field, message }, index) =>
        setError(field, { type: 'server', message }, { shouldFocus: index === 0 }),
      );
      setFormError(placement.form ?? null);
      if (error instanceof ApiError && error.retryAfterSeconds !== undefined) {
        setRetryAt(Date.now() + error.retryAfterSeconds * 1000);
      }
    } finally {
      saving.current = false;
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
              {notice && (
                <Alert color="blue" role="status">
                  {notice}
                </Alert>
              )}
              {draftNotice && restored && (
                <Alert color="blue" title="Draft restored" role="status">
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">
                      These are the unsaved changes you made earlier in this tab, over the saved
                      webhook.
                      {restored.retype.length > 0 &&
                        ` Credentials are never kept in drafts: enter the value of ${restored.retype.join(', ')} again.`}
                      {restored.kept.length > 0 &&
                        ` ${restored.kept.join(', ')} ${restored.kept.length === 1 ? 'keeps its' : 'keep their'} saved value.`}
                    </Text>
                    <Button size="xs" variant="light" onClick={discardDraft}>
                      Discard draft
                    </Button>
                  </Stack>
                </Alert>
              )}
              <Paper withBorder p="md">
                <Stack gap="md">
                  <NameField mode={mode} />
                  <UrlField hint={urlHint} />
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

              {submitCount > 0 && invalidFields.length > 0 && (
                <Alert color="red" role="alert">
                  Not saved: check{' '}
                  {invalidFields.length === 1
                    ? 'this field'
                    : `these ${invalidFields.length} fields`}
                  : {invalidFields.join(', ')}.
                </Alert>
              )}
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
              <Group justify="flex-end">
                {slow && (
                  <Text size="sm" c="dimmed" role="status">
                    {SLOW_MESSAGE}
                  </Text>
                )}
                {retryAt !== null && (
                  <Text size="sm" c="dimmed" role="status">
                    The API asked to wait; you can try again in a moment.
                  </Text>
                )}
                <Button
                  variant="default"
                  onClick={() => {
                    if (!isDirty) clearDraft(draftKey);
                    onCancel();
                  }}
                >
                  Cancel
                </Button>
                <Button type="submit" loading={isSubmitting} disabled={retryAt !== null}>
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
            <Button
              color="red"
              onClick={() => {
                clearDraft(draftKey);
                blocker.proceed?.();
              }}
            >
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

/** The live preview of what the form would save; deferred so typing never waits for it. */
function FormPreview() {
  const { control } = useFormContext<WebhookFormValues>();
  const [name, url, headers, eventTypes, jsonPayloadEnabled] = useDeferredValue(
    useWatch({ control, name: ['name', 'url', 'headers', 'eventTypes', 'jsonPayloadEnabled'] }),
  );
  const definition = useMemo(
    () => ({
      url: url.trim(),
      // Exactly the rows a save would send: not those still being typed or refused by the form.
      headers: rowsToHeaders(savableHeaderRows(headers)),
    }),
    [url, headers],
  );
  const integration = useMemo(
    () => ({ id: 'your-integration-id', name: name || 'your-integration' }),
    [name],
  );
  return (
    <DeferredPreviewPanel
      definition={definition}
      eventTypes={eventTypes}
      jsonPayloadEnabled={jsonPayloadEnabled}
      integration={integration}
      eventTypeLabel={eventTypeLabel}
      maxHeight="calc(100vh - 92px)"
      devicePicker={DevicePickerSlot}
    />
  );
}
