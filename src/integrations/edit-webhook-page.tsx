import { Anchor, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/integrations/error-alert';
import { toFormValues, toWebhookPatch } from '@/integrations/form';
import { integrationQueries, updateWebhook } from '@/integrations/queries';
import { WebhookForm } from '@/integrations/webhook-form';

export function EditWebhookPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  // The form must start from the saved values, so it waits for them and ignores background refetches.
  const query = useQuery({ ...integrationQueries.detail(id), refetchInterval: false });
  const update = useMutation({ mutationFn: updateWebhook });
  const detailPath = `/integrations/${encodeURIComponent(id)}`;

  if (query.isPending) {
    return (
      <Stack role="status" aria-label="Loading webhook">
        <Skeleton height={36} width="40%" />
        <Skeleton height={320} />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <ErrorAlert
        title="Could not load this webhook"
        error={query.error}
        onRetry={() => query.refetch()}
      />
    );
  }
  const original = query.data;
  if (original.type !== 'WEBHOOK') {
    return (
      <Text>
        Only webhooks can be edited here.{' '}
        <Anchor component={Link} to={detailPath}>
          Back
        </Anchor>
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={detailPath} size="sm">
          Back to {original.name}
        </Anchor>
        <Title order={1}>Edit webhook</Title>
      </div>
      <WebhookForm
        key={original.id}
        mode="edit"
        draftKey={`edit:${original.id}`}
        defaultValues={toFormValues(original)}
        onCancel={() => navigate(detailPath)}
        onSubmit={async (values) => {
          const patch = toWebhookPatch(original, values);
          if (Object.keys(patch).length === 0) return 'unchanged';
          await update.mutateAsync({ id: original.id, patch });
          notifications.show({
            color: 'green',
            message: `Saved changes to “${original.name.trim()}”`,
          });
          navigate(detailPath);
          return 'saved';
        }}
      />
    </Stack>
  );
}
