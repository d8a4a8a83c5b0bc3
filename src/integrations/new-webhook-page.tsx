import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from '@/ui/router';
import { saveDraft } from '@/integrations/drafts';
import { unreadableRows } from '@/integrations/duplicate';
import { emptyWebhookForm, toWebhookInput } from '@/integrations/form';
import { dropHandOver, readHandOver } from '@/integrations/hand-over';
import { createWebhook } from '@/integrations/queries';
import { WebhookForm } from '@/integrations/webhook-form';
import { notify } from '@/ui/notify';
import { usePageTitle } from '@/ui/use-page-title';

export function NewWebhookPage() {
  usePageTitle('New webhook');
  const navigate = useNavigate();
  const create = useMutation({ mutationFn: createWebhook });
  // `?from=<id>`: values another page handed over in this tab's memory (hand-over.ts).
  const from = useSearchParams()[0].get('from');
  const draftKey = from ? `new:${from}` : 'new';
  const [handOver] = useState(() => {
    const handOver = readHandOver(from);
    // The draft starts as the handed-over values (credentials left out, as drafts always do):
    // after a reload the memory is gone but the rest is kept and the form names what to retype.
    if (handOver) saveDraft(draftKey, handOver.values, emptyWebhookForm);
    return handOver;
  });
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>New webhook</Title>
        <Text c="dimmed" size="sm">
          It starts as “Rollout done” and becomes Active with its first successful delivery.
        </Text>
      </div>
      {handOver && (
        <Alert color="blue" title={handOver.title} role="status">
          <List size="sm" spacing={4}>
            {handOver.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <WebhookForm
        mode="create"
        draftKey={draftKey}
        defaultValues={emptyWebhookForm}
        initialValues={handOver?.values}
        urlHint={handOver?.urlHint}
        blockedRows={unreadableRows}
        onCancel={() => navigate('/integrations')}
        onSubmit={async (values) => {
          const webhook = await create.mutateAsync(toWebhookInput(values));
          dropHandOver(from);
          void notify({ color: 'green', message: `Created “${webhook.name.trim()}”` });
          navigate(`/integrations/${encodeURIComponent(webhook.id)}`);
          return 'saved';
        }}
      />
    </Stack>
  );
}
