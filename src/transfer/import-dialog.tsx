import '@mantine/core/styles/Modal.layer.css';
import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAllIntegrations } from '@/integrations/all-integrations';
import { ErrorAlert } from '@/ui/error-alert';
import { INTEGRATIONS_KEY } from '@/integrations/query-keys';
import { applyPlan, importPlanQuery, type RowKey, type RowResult } from '@/transfer/apply';
import {
  MAX_FILE_BYTES,
  MAX_FILE_WEBHOOKS,
  readTransferFile,
  type TransferFile,
} from '@/transfer/format';
import type { Plan } from '@/transfer/plan';
import { PlanView } from '@/transfer/plan-view';
import { ProgressStatus } from '@/ui/progress-status';

interface Chosen {
  file: File | null;
  /** Counts the files chosen in this dialog: each gets its own plan. */
  serial: number;
  parsed?: TransferFile;
  error?: string;
}

type Applying =
  | { step: 'idle' }
  | { step: 'running' }
  | { step: 'done'; summary: { done: number; failed: number } };

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const all = useAllIntegrations();
  const [chosen, setChosen] = useState<Chosen>({ file: null, serial: 0 });
  const [reading, setReading] = useState({ done: 0, total: 0 });
  const [results, setResults] = useState<Map<RowKey, RowResult | 'pending'>>(new Map());
  const [applying, setApplying] = useState<Applying>({ step: 'idle' });
  const { parsed, serial } = chosen;

  const planQuery = useQuery({
    ...importPlanQuery(serial, parsed, all.items, setReading),
    enabled: parsed !== undefined && all.complete,
  });
  const plan = parsed ? planQuery.data : undefined;

  const choose = async (file: File | null) => {
    setResults(new Map());
    const next = { file, serial: serial + 1 };
    if (!file) return setChosen(next);
    const read = readTransferFile(file.size > MAX_FILE_BYTES ? '' : await file.text(), file.size);
    setChosen(read.ok ? { ...next, parsed: read.file } : { ...next, error: read.error });
  };

  const apply = async (plan: Plan) => {
    setResults(
      new Map<RowKey, 'pending'>([
        ...plan.update.map((entry) => [`update:${entry.index}`, 'pending'] as const),
        ...plan.create.map((entry) => [`create:${entry.index}`, 'pending'] as const),
      ]),
    );
    setApplying({ step: 'running' });
    const summary = await applyPlan(plan, (key, result) =>
      setResults((previous) => new Map(previous).set(key, result)),
    );
    await queryClient.invalidateQueries({ queryKey: INTEGRATIONS_KEY });
    setApplying({ step: 'done', summary });
  };

  const busy = applying.step === 'running';
  const changes = plan ? plan.create.length + plan.update.length : 0;

  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      title="Import webhooks"
      size="xl"
      closeOnEscape={!busy}
      withCloseButton={!busy}
    >
      <Stack gap="md">
        <Text size="sm">
          Choose a file from Export (at most {MAX_FILE_BYTES / 1_000_000} MB, {MAX_FILE_WEBHOOKS}{' '}
          webhooks). Webhooks are matched by name; nothing is sent until you apply the plan, and
          import never deletes.
        </Text>
        <FileInput
          label="Export file"
          placeholder="Choose a .json file"
          accept="application/json,.json"
          value={chosen.file}
          onChange={(file) => void choose(file)}
          disabled={applying.step !== 'idle'}
          clearable
          error={chosen.error}
        />
        {all.query.isError ? (
          <ErrorAlert
            title="Could not list the integrations"
            error={all.query.error}
            onRetry={() => void all.query.refetch()}
          />
        ) : (
          parsed &&
          !all.complete && (
            <Text size="sm" role="status">
              Listing integrations
              {all.pageAmount ? ` (page ${all.loaded} of ${all.pageAmount})` : ''}…
            </Text>
          )
        )}
        {parsed && planQuery.isFetching && (
          <ProgressStatus
            done={reading.done}
            total={reading.total}
            label="Reading matching webhooks"
          >
            Reading {reading.done} of {reading.total} matching webhooks
          </ProgressStatus>
        )}
        {parsed && planQuery.isError && (
          <ErrorAlert
            title="Could not read the matching webhooks"
            error={planQuery.error}
            note="Nothing was sent."
            onRetry={() => void planQuery.refetch()}
          />
        )}
        {plan && <PlanView plan={plan} results={results} />}
        {applying.step === 'done' && (
          <Alert
            color={applying.summary.failed > 0 ? 'yellow' : 'green'}
            title="Import finished"
            role="status"
          >
            {applying.summary.done} applied, {applying.summary.failed} failed.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {applying.step === 'done' ? 'Close' : 'Cancel'}
          </Button>
          {applying.step !== 'done' && (
            <Button
              disabled={!plan || changes === 0}
              loading={busy}
              onClick={() => plan && void apply(plan)}
            >
              {plan && changes === 0
                ? 'Nothing to apply'
                : `Apply ${changes} change${changes === 1 ? '' : 's'}`}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
