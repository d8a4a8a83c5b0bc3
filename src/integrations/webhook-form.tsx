import '@mantine/core/styles/Grid.layer.css';
import '@mantine/core/styles/Switch.layer.css';
import { Alert, Grid, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { Controller, FormProvider } from 'react-hook-form';
import { ApiError } from '@/api/errors';
import { EventTypesField } from '@/integrations/event-types-field';
import { placeServerError, webhookFormSchema, type WebhookFormValues } from '@/integrations/form';
import { FormPreview } from '@/integrations/form-preview';
import { HeadersField } from '@/integrations/headers-field';
import { NameField } from '@/integrations/name-field';
import { DraftRestoredAlert, useDraftForm } from '@/integrations/use-draft-form';
import { LeaveWithoutSavingDialog, useLeaveGuard } from '@/integrations/use-leave-guard';
import { UrlField } from '@/integrations/url-field';
import { SLOW_MESSAGE, useSlowHint } from '@/ui/use-slow-hint';

const FIELD_LABELS: Record<keyof WebhookFormValues, string> = {
  name: 'Integration name',
  url: 'Endpoint URL',
  headers: 'HTTP headers',
  eventTypes: 'Event types',
  jsonPayloadEnabled: 'Parse JSON payload',
};

type SubmitOutcome = 'saved' | 'unchanged';

interface WebhookFormProps {
  mode: 'create' | 'edit';
  defaultValues: WebhookFormValues;
  /**
   * Resolves when saved; throws the request's error otherwise. `restart`: the user chose Save and
   * restart.
   */
  onSubmit: (values: WebhookFormValues, options: { restart: boolean }) => Promise<SubmitOutcome>;
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
  /** Offers Save and restart: for a webhook whose delivery stopped, which a fix alone does not resume. */
  offerRestart?: boolean;
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
  offerRestart = false,
}: WebhookFormProps) {
  const { methods, restored, discardDraft, clearDraft } = useDraftForm(
    draftKey,
    {
      resolver: zodResolver(webhookFormSchema),
      defaultValues,
      // Validating on blur would shift the layout under the pointer mid-click (e.g. on
      // "Add header" right after typing a bad URL); errors appear on submit, then update as typed.
      mode: 'onSubmit',
      reValidateMode: 'onChange',
    },
    initialValues,
  );
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, isDirty, isSubmitting, submitCount },
  } = methods;
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const saving = useRef(false);
  // Which submit button sent the form; Enter in a field presses the first, Save changes.
  const restartAfterSave = useRef(false);
  const [restarting, setRestarting] = useState(false);
  const slow = useSlowHint(isSubmitting);
  const { blocker, setLeaving } = useLeaveGuard(isDirty);

  useEffect(() => {
    if (retryAt === null) return;
    const timer = window.setTimeout(() => setRetryAt(null), Math.max(0, retryAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [retryAt]);

  // Which fields still need attention, visible and kept current as each is fixed.
  const invalidFields = (Object.keys(errors) as (keyof WebhookFormValues)[])
    .filter((field) => field in FIELD_LABELS)
    .map((field) => FIELD_LABELS[field]);

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
    setLeaving(true);
    try {
      const outcome = await onSubmit(values, { restart: restartAfterSave.current });
      if (outcome === 'unchanged') {
        setLeaving(false);
        setNotice('Nothing changed, so nothing was sent.');
      } else {
        clearDraft();
      }
    } catch (error) {
      setLeaving(false);
      const placement = placeServerError(error);
      placement.fields.forEach(({ field, message, type = 'server' }, index) =>
        setError(field, { type, message }, { shouldFocus: index === 0 }),
      );
      setFormError(placement.form ?? null);
      if (error instanceof ApiError && error.retryAfterSeconds !== undefined) {
        setRetryAt(Date.now() + error.retryAfterSeconds * 1000);
      }
    } finally {
      saving.current = false;
    }
  };

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
              {restored && <DraftRestoredAlert restored={restored} onDiscard={discardDraft} />}
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
                    if (!isDirty) clearDraft();
                    onCancel();
                  }}
                >
                  Cancel
                </Button>
                <Button
                  type="submit"
                  variant={offerRestart ? 'default' : 'filled'}
                  loading={isSubmitting && !restarting}
                  disabled={retryAt !== null || (isSubmitting && restarting)}
                  onClick={() => {
                    restartAfterSave.current = false;
                    setRestarting(false);
                  }}
                >
                  {mode === 'create' ? 'Create webhook' : 'Save changes'}
                </Button>
                {offerRestart && (
                  <Button
                    type="submit"
                    loading={isSubmitting && restarting}
                    disabled={retryAt !== null || (isSubmitting && !restarting)}
                    onClick={() => {
                      restartAfterSave.current = true;
                      setRestarting(true);
                    }}
                  >
                    Save and restart
                  </Button>
                )}
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
      <LeaveWithoutSavingDialog blocker={blocker} onDiscard={clearDraft} />
    </FormProvider>
  );
}
