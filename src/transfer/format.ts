import { z } from 'zod';
import { headersToRows } from '@/integrations/form';
import type { IntegrationDetail, IntegrationSummary } from '@/integrations/schemas';
import { isSecretName } from '@/placeholders/secrets';

const TRANSFER_FORMAT = 'integrator-console/webhooks';
const TRANSFER_VERSION = 1;
/** Written for a credential left out of the file, and for a value 1NCE did not return readably. */
export const REDACTED = '<redacted>';
export const MAX_FILE_BYTES = 1_000_000;
export const MAX_FILE_WEBHOOKS = 500;

// Only the file's shape: whether an entry is a webhook 1NCE would take (https, name length, header
// rules…) is the plan's question, answered entry by entry with the form's rules (plan.ts).
const exportedWebhookSchema = z.object({
  name: z.string(),
  url: z.string(),
  /** Absent on import: a create gets none, an update keeps the stored ones. */
  headers: z.record(z.string(), z.string()).optional(),
  eventTypes: z.array(z.object({ type: z.string() })),
  /** Absent on import: a create gets false, an update keeps the stored value. */
  jsonPayloadEnabled: z.boolean().optional(),
});
export type ExportedWebhook = z.infer<typeof exportedWebhookSchema>;

const exportedAwsSchema = z.object({
  name: z.string(),
  eventTypes: z.array(z.object({ type: z.string() })),
});

const transferFileSchema = z.object({
  format: z.literal(TRANSFER_FORMAT),
  version: z.literal(TRANSFER_VERSION),
  exportedAt: z.string(),
  source: z.string(),
  webhooks: z
    .array(exportedWebhookSchema)
    .max(MAX_FILE_WEBHOOKS, `An import takes at most ${MAX_FILE_WEBHOOKS} webhooks`),
  /** AWS integrations cannot be created from a file: listed for the reader, ignored on import. */
  aws: z.array(exportedAwsSchema).optional(),
});
export type TransferFile = z.infer<typeof transferFileSchema>;

export const exportFileName = (now: Date) =>
  `integrator-console-webhooks-${now.toISOString().slice(0, 10)}.json`;

interface ExportInput {
  webhooks: IntegrationDetail[];
  aws: IntegrationSummary[];
  includeSecrets: boolean;
  source: string;
  now: Date;
}

export function toTransferFile({
  webhooks,
  aws,
  includeSecrets,
  source,
  now,
}: ExportInput): TransferFile {
  return {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    exportedAt: now.toISOString(),
    source,
    webhooks: webhooks.map((detail) => ({
      name: detail.name,
      url: detail.url ?? '',
      headers: Object.fromEntries(
        headersToRows(detail.headers).map((row) => [
          row.key,
          row.unreadable || (!includeSecrets && isSecretName(row.key)) ? REDACTED : row.value,
        ]),
      ),
      eventTypes: detail.eventTypes.map(({ type }) => ({ type })),
      jsonPayloadEnabled: detail.jsonPayloadEnabled ?? false,
    })),
    aws: aws.map((item) => ({
      name: item.name,
      eventTypes: item.eventTypes.map(({ type }) => ({ type })),
    })),
  };
}

export const serializeTransferFile = (file: TransferFile) => `${JSON.stringify(file, null, 2)}\n`;

type ReadResult = { ok: true; file: TransferFile } | { ok: false; error: string };

const NOT_OURS = 'This is not an Integrator Console export (format)';

/** The file as text; `bytes` is its size on disk, checked before anything is parsed. */
export function readTransferFile(text: string, bytes = new Blob([text]).size): ReadResult {
  if (bytes > MAX_FILE_BYTES) {
    return {
      ok: false,
      error: `The file is ${formatBytes(bytes)}; an import takes at most ${formatBytes(MAX_FILE_BYTES)}`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not JSON: ${(error as Error).message}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: NOT_OURS };
  }
  const head = json as Record<string, unknown>;
  if (head.format !== TRANSFER_FORMAT) return { ok: false, error: NOT_OURS };
  if (head.version !== TRANSFER_VERSION) {
    return {
      ok: false,
      error: `This export is version ${JSON.stringify(head.version)}; this console reads version ${TRANSFER_VERSION}`,
    };
  }
  const parsed = transferFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const problems = parsed.error.issues.slice(0, 3).map((issue) => {
    const where = formatPath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = parsed.error.issues.length - problems.length;
  return {
    ok: false,
    error: problems.join('; ') + (more > 0 ? ` (and ${more} more)` : ''),
  };
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

const formatBytes = (bytes: number) =>
  bytes >= 1_000_000
    ? `${Number((bytes / 1_000_000).toFixed(1))} MB`
    : `${Math.ceil(bytes / 1000)} kB`;
