import { Alert, Button, FileInput, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useAllIntegrations } from '@/integrations/all-integrations';
import { ErrorAlert } from '@/integrations/error-alert';
import { applyPlan, readDetails, type RowKey, type RowResult } from '@/transfer/apply';
import {
  MAX_FILE_BYTES,
  MAX_FILE_WEBHOOKS,
  readTransferFile,
  type TransferFile,
} from '@/transfer/format';
import { buildPlan, type Plan } from '@/transfer/plan';
import { PlanView } from '@/transfer/plan-view';

type Phase =
  | { step: 'choose'; error?: string }
  | { step: 'reading'; file: TransferFile; done: number; total: number }
  | { step: 'plan'; plan: Plan }
  | { step: 'applying' | 'applied'; plan: Plan; summary?: { done: number; failed: number } }
  | { step: 'failed'; file: TransferFile; error: unknown };

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const all = useAllIntegrations();
  const [chosen, setChosen] = useState<File | null>(null);
  const [parsed, setParsed] = useState<TransferFile>();
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [results, setResults] = useState<Map<RowKey, RowResult | 'pending'>>(new Map());
  const { items, complete } = all;

  const choose = async (file: File | null) => {
    setChosen(file);
    setParsed(undefined);
    setResults(new Map());
    if (!file) return setPhase({ step: 'choose' });
    const read =
      file.size > MAX_FILE_BYTES
        ? readTransferFile('', file.size)
        : readTransferFile(await file.text(), file.size);
    if (!read.ok) return setPhase({ step: 'choose', error: read.error });
    setParsed(read.file);
  };

  // The plan needs every integration's name, and the details of those the file names.
  useEffect(() => {
    if (!parsed || !complete) return;
    let cancelled = false;
    const names = new Set(parsed.webhooks.map((entry) => entry.name));
    const matched = items.filter((item) => names.has(item.name) && item.type === 'WEBHOOK');
    readDetails(queryClient, matched, (done) => {
      if (!cancelled) setPhase({ step: 'reading', file: parsed, done, total: matched.length });
    }).then(
      (details) => {
        if (cancelled) return;
        const byId = new Map(details.map((detail) => [detail.id, detail]));
        setPhase({
          step: 'plan',
          plan: buildPlan(
            parsed,
            items.map((item) => byId.get(item.id) ?? item),
          ),
        });
      },
      (error: unknown) => !cancelled && setPhase({ step: 'failed', file: parsed, error }),
    );
    return () => {
      cancelled = true;
    };
    // Planned once per chosen file: a list refetched after Apply must not replace the results.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed, complete]);

  const apply = async (plan: Plan) => {
    setResults(
      new Map<RowKey, 'pending'>([
        ...plan.update.map((entry) => [`update:${entry.index}`, 'pending'] as const),
        ...plan.create.map((entry) => [`create:${entry.index}`, 'pending'] as const),
      ]),
    );
    setPhase({ step: 'applying', plan });
    const summary = await applyPlan(plan, (key, result) =>
      setResults((previous) => new Map(previous).set(key, result)),
    );
    await queryClient.invalidateQueries({ queryKey: ['integrations'] });
    setPhase({ step: 'applied', plan, summary });
  };

  const busy = phase.step === 'applying';
  const changes = 'plan' in phase ? phase.plan.create.length + phase.plan.update.length : 0;

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
          value={chosen}
          onChange={(file) => void choose(file)}
          disabled={busy || phase.step === 'applied'}
          clearable
          error={phase.step === 'choose' ? phase.error : undefined}
        />
        {all.query.isError ? (
          <ErrorAlert
            title="Could not list the integrations"
            error={all.query.error}
            onRetry={() => void all.query.refetch()}
          />
        ) : (
          parsed &&
          !complete && (
            <Text size="sm" role="status">
              Listing integrations
              {all.pageAmount ? ` (page ${all.loaded} of ${all.pageAmount})` : ''}…
            </Text>
          )
        )}
        {parsed && complete && phase.step === 'choose' && (
          <Text size="sm" role="status">
            Preparing the plan…
          </Text>
        )}
        {phase.step === 'reading' && (
          <Stack gap={4} role="status">
            <Text size="sm">
              Reading {phase.done} of {phase.total} matching webhooks
            </Text>
            <Progress
              value={(100 * phase.done) / Math.max(1, phase.total)}
              aria-label="Reading matching webhooks"
            />
          </Stack>
        )}
        {phase.step === 'failed' && (
          <ErrorAlert
            title="Could not read the matching webhooks"
            error={phase.error}
            onRetry={() => {
              setPhase({ step: 'choose' });
              setParsed({ ...phase.file });
            }}
          />
        )}
        {'plan' in phase && <PlanView plan={phase.plan} results={results} />}
        {phase.step === 'applied' && phase.summary && (
          <Alert
            color={phase.summary.failed > 0 ? 'yellow' : 'green'}
            title="Import finished"
            role="status"
          >
            {phase.summary.done} applied, {phase.summary.failed} failed.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {phase.step === 'applied' ? 'Close' : 'Cancel'}
          </Button>
          {phase.step !== 'applied' && (
            <Button
              disabled={phase.step !== 'plan' || changes === 0}
              loading={busy}
              onClick={() => phase.step === 'plan' && void apply(phase.plan)}
            >
              {changes === 0 && phase.step === 'plan'
                ? 'Nothing to apply'
                : `Apply ${changes} change${changes === 1 ? '' : 's'}`}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
