import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from '@/ui/router';
import type { NotificationData } from '@mantine/notifications';
import { describeError } from '@/api/errors';
import { ErrorAlert } from '@/ui/error-alert';
import { blockedHeaders, toFormValues, toWebhookPatch } from '@/integrations/form';
import { integrationQueries, restartWebhook, updateWebhook } from '@/integrations/queries';
import type { IntegrationDetail } from '@/integrations/schemas';
import { WebhookForm } from '@/integrations/webhook-form';
import { PageSkeleton } from '@/ui/skeletons';
import { notify } from '@/ui/notify';
import { usePageTitle } from '@/ui/use-page-title';

export function EditWebhookPage() {
  const { id = '' } = useParams();
  const [openedAt] = useState(() => Date.now());
  // The form starts from what 1NCE holds now, never from a cached answer: a draft is laid over
  // it, and a cached answer could bring back a header value that was changed since.
  const query = useQuery({
    ...integrationQueries.detail(id),
    refetchOnMount: 'always',
    refetchInterval: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const detailPath = `/integrations/${encodeURIComponent(id)}`;
  usePageTitle(query.data ? `Edit ${query.data.name}` : 'Edit webhook');
  const current = query.data && query.dataUpdatedAt >= openedAt ? query.data : undefined;

  if (!current) {
    if (query.isError) {
      return (
        <ErrorAlert
          title="Could not load this webhook"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      );
    }
    return <PageSkeleton label="Loading webhook" height={320} />;
  }
  if (current.type !== 'WEBHOOK') {
    return (
      <Text>
        Only webhooks can be edited here.{' '}
        <Anchor component={Link} to={detailPath}>
          Back
        </Anchor>
      </Text>
    );
  }
  return <EditWebhookForm key={current.id} loaded={current} detailPath={detailPath} />;
}

function EditWebhookForm({
  loaded,
  detailPath,
}: {
  loaded: IntegrationDetail;
  detailPath: string;
}) {
  const navigate = useNavigate();
  const update = useMutation({ mutationFn: updateWebhook });
  const restart = useMutation({ mutationFn: restartWebhook });
  // The save stands whatever the restart does: it is said, and the webhook's page (where Restart
  // is) opens, rather than the form staying as if nothing was saved.
  const restartOutcome = async (saved: string): Promise<NotificationData> => {
    try {
      const result = await restart.mutateAsync(original.id);
      return result.restartStatus === 'SUCCESS'
        ? { color: 'green', message: `${saved} and restarted it: delivery resumes.` }
        : {
            color: 'red',
            message: `${saved}, but the restart failed: ${result.message}. Delivery is still stopped.`,
            autoClose: false,
          };
    } catch (error) {
      return {
        color: 'red',
        message: `${saved}, but the restart could not be sent: ${describeError(error)} Delivery is still stopped.`,
        autoClose: false,
      };
    }
  };
  // What the form started from is what its changes are measured against, even if the query
  // refetches meanwhile: only what the user changed is sent.
  const [original] = useState(loaded);
  const [defaultValues] = useState(() => toFormValues(loaded));
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={detailPath} size="sm">
          Back to {original.name}
        </Anchor>
        <Title order={1}>Edit webhook</Title>
      </div>
      <WebhookForm
        mode="edit"
        draftKey={`edit:${original.id}`}
        defaultValues={defaultValues}
        blockedRows={(values) => blockedHeaders(original, values)}
        onCancel={() => navigate(detailPath)}
        offerRestart={original.state === 'INTEGRATION_FAILED'}
        onSubmit={async (values, { restart: andRestart }) => {
          const patch = toWebhookPatch(original, values);
          const changed = Object.keys(patch).length > 0;
          if (!changed && !andRestart) return 'unchanged';
          if (changed) await update.mutateAsync({ id: original.id, patch });
          const saved = changed
            ? `Saved changes to “${original.name.trim()}”`
            : `Nothing changed in “${original.name.trim()}”`;
          void notify(
            andRestart ? await restartOutcome(saved) : { color: 'green', message: saved },
          );
          navigate(detailPath);
          return 'saved';
        }}
      />
    </Stack>
  );
}
