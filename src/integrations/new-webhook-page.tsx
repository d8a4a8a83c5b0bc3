import { Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { emptyWebhookForm, toWebhookInput } from '@/integrations/form';
import { createWebhook } from '@/integrations/queries';
import { WebhookForm } from '@/integrations/webhook-form';

export function NewWebhookPage() {
  const navigate = useNavigate();
  const create = useMutation({ mutationFn: createWebhook });
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>New webhook</Title>
        <Text c="dimmed" size="sm">
          It starts as “Rollout done” and becomes Active with its first successful delivery.
        </Text>
      </div>
      <WebhookForm
        mode="create"
        draftKey="new"
        defaultValues={emptyWebhookForm}
        onCancel={() => navigate('/integrations')}
        onSubmit={async (values) => {
          const webhook = await create.mutateAsync(toWebhookInput(values));
          notifications.show({ color: 'green', message: `Created “${webhook.name.trim()}”` });
          navigate(`/integrations/${encodeURIComponent(webhook.id)}`);
          return 'saved';
        }}
      />
    </Stack>
  );
}
