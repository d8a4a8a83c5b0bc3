import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/Modal.layer.css';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAllIntegrations } from '@/integrations/all-integrations';
import { ErrorAlert } from '@/ui/error-alert';
import { readDetails } from '@/transfer/apply';
import { REDACTED, exportFileName, serializeTransferFile, toTransferFile } from '@/transfer/format';
import { useDeployment } from '@/ui/deployment';
import { ProgressStatus } from '@/ui/progress-status';

type Phase =
  | { step: 'choose' }
  | { step: 'reading'; done: number; total: number }
  | { step: 'done'; fileName: string; count: number }
  | { step: 'failed'; error: unknown };

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const all = useAllIntegrations();
  const { mode, upstream } = useDeployment();
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const webhooks = all.items.filter((item) => item.type === 'WEBHOOK');
  const aws = all.items.filter((item) => item.type !== 'WEBHOOK');

  const run = async () => {
    setPhase({ step: 'reading', done: 0, total: webhooks.length });
    try {
      const details = await readDetails(queryClient, webhooks, (done) =>
        setPhase({ step: 'reading', done, total: webhooks.length }),
      );
      const now = new Date();
      const file = toTransferFile({
        webhooks: details,
        aws,
        includeSecrets,
        source: mode === 'demo' ? 'demo' : (upstream ?? window.location.host),
        now,
      });
      const fileName = exportFileName(now);
      download(serializeTransferFile(file), fileName);
      setPhase({ step: 'done', fileName, count: details.length });
    } catch (error) {
      setPhase({ step: 'failed', error });
    }
  };

  return (
    <Modal opened onClose={onClose} title="Export webhooks" size="lg">
      <Stack gap="md">
        <Text size="sm">
          Writes every webhook&apos;s name, Endpoint URL, headers, event types and JSON payload
          setting to a file that Import reads, in this account or another. AWS integrations are
          listed by name and event types only: they cannot be created from a file.
        </Text>
        {all.query.isError ? (
          <ErrorAlert
            title="Could not list the integrations"
            error={all.query.error}
            onRetry={() => void all.query.refetch()}
          />
        ) : !all.complete ? (
          <ProgressStatus done={all.loaded} total={all.pageAmount} label="Listing integrations">
            Listing integrations
            {all.pageAmount ? ` (page ${all.loaded} of ${all.pageAmount})` : ''}…
          </ProgressStatus>
        ) : (
          <Text size="sm" fw={500}>
            {count(webhooks.length, 'webhook')}
            {aws.length > 0 ? ` and ${count(aws.length, 'AWS integration')}` : ''} to export.
          </Text>
        )}
        <Checkbox
          label="Include secret values"
          description={`Without it, values of credential-looking headers (authorization, keys, tokens, secrets, passwords) are written as ${REDACTED}.`}
          checked={includeSecrets}
          disabled={phase.step === 'reading'}
          onChange={(event) => setIncludeSecrets(event.currentTarget.checked)}
        />
        {includeSecrets && (
          <Alert color="yellow" title="The file will hold credentials">
            Anyone with the file can call your endpoints as 1NCE does. Keep it like a password and
            delete it once imported.
          </Alert>
        )}
        {phase.step === 'reading' && (
          <ProgressStatus done={phase.done} total={phase.total} label="Reading webhooks">
            Reading {phase.done} of {phase.total} webhooks
          </ProgressStatus>
        )}
        {phase.step === 'done' && (
          <Alert color="green" title="Exported" role="status">
            {count(phase.count, 'webhook')} written to {phase.fileName}.
          </Alert>
        )}
        {phase.step === 'failed' && (
          <ErrorAlert
            title="Could not read every webhook"
            error={phase.error}
            note="Nothing was downloaded."
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {phase.step === 'done' ? 'Close' : 'Cancel'}
          </Button>
          <Button
            onClick={() => void run()}
            disabled={!all.complete}
            loading={phase.step === 'reading'}
          >
            {phase.step === 'done' ? 'Download again' : 'Download'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // After the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
