import { Alert, Button, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useForm, type UseFormProps } from 'react-hook-form';
import {
  clearDraft,
  loadDraft,
  restoreDraft,
  saveDraft,
  type RestoredDraft,
} from '@/integrations/drafts';
import type { WebhookFormValues } from '@/integrations/form';

type FormOptions = Omit<UseFormProps<WebhookFormValues>, 'values' | 'resetOptions'> & {
  defaultValues: WebhookFormValues;
};

/**
 * `useForm` whose unsaved changes survive a reload: kept as a draft in this tab's sessionStorage
 * under `draftKey` (see drafts.ts) and restored over the saved values on the next visit.
 * `initialValues` (see hand-over.ts) take the place of a draft.
 */
export function useDraftForm(
  draftKey: string,
  options: FormOptions,
  initialValues?: WebhookFormValues,
) {
  const { defaultValues } = options;
  // The saved values are the baseline; a draft overlays only the fields it changed.
  const [restored] = useState(() => {
    const draft = initialValues ? null : loadDraft(draftKey);
    return draft ? restoreDraft(defaultValues, draft) : null;
  });
  const methods = useForm<WebhookFormValues>({
    ...options,
    // A restored draft is what the user typed; the saved values stay the baseline for isDirty.
    values: restored?.values ?? initialValues,
    resetOptions: { keepDefaultValues: true },
  });
  const [discarded, setDiscarded] = useState(false);

  const { subscribe } = methods;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => saveDraft(draftKey, values, defaultValues),
      }),
    [subscribe, draftKey, defaultValues],
  );

  return {
    methods,
    /** The draft the form started from, until the user discards it. */
    restored: discarded ? null : restored,
    /** Back to the saved values, with no draft left. */
    discardDraft: () => {
      clearDraft(draftKey);
      methods.reset(defaultValues);
      setDiscarded(true);
    },
    clearDraft: () => clearDraft(draftKey),
  };
}

export function DraftRestoredAlert({
  restored,
  onDiscard,
}: {
  restored: RestoredDraft;
  onDiscard: () => void;
}) {
  return (
    <Alert color="blue" title="Draft restored" role="status">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          These are the unsaved changes you made earlier in this tab, over the saved webhook.
          {restored.retype.length > 0 &&
            ` Credentials are never kept in drafts: enter the value of ${restored.retype.join(', ')} again.`}
          {restored.kept.length > 0 &&
            ` ${restored.kept.join(', ')} ${restored.kept.length === 1 ? 'keeps its' : 'keep their'} saved value.`}
        </Text>
        <Button size="xs" variant="light" onClick={onDiscard}>
          Discard draft
        </Button>
      </Stack>
    </Alert>
  );
}
