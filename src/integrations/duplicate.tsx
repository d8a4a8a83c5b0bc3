import '@mantine/core/styles/Tooltip.layer.css';
import { Button, Tooltip } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useNavigate } from '@/ui/router';
import { toFormValues, type WebhookFormValues } from '@/integrations/form';
import { handOverToNewWebhook, type HandOver } from '@/integrations/hand-over';
import type { HeaderRow } from '@/integrations/header-rules';
import { NAME_MAX, type IntegrationDetail } from '@/integrations/schemas';
import { isSecretName } from '@/placeholders/secrets';

const SUFFIX = ' (copy)';

/** "<name> (copy)", the name shortened so the whole stays within 1NCE's limit. */
export function copyName(name: string): string {
  let base = name.trim();
  if (base.length + SUFFIX.length > NAME_MAX) {
    base = base.slice(0, NAME_MAX - SUFFIX.length);
    // Never leave half of a surrogate pair (an emoji cut in two).
    if (/[\uD800-\uDBFF]$/.test(base)) base = base.slice(0, -1);
  }
  return base + SUFFIX;
}

const URL_HINT = '1NCE allows one webhook per Endpoint URL, so a copy needs a URL of its own.';

/**
 * The new-webhook form's values for a copy of `webhook`: everything but the URL. Header values
 * come as 1NCE returned them; one it did not return readably stays marked so the form asks for it.
 */
export function duplicateOf(webhook: IntegrationDetail): HandOver {
  const values = { ...toFormValues(webhook), name: copyName(webhook.name), url: '' };
  const carried = values.headers.filter((row) => isSecretName(row.key) && row.value !== '');
  const unreadable = values.headers.filter((row) => row.unreadable);
  return {
    values,
    title: `Duplicated from “${webhook.name.trim()}”`,
    notes: [
      'Enter an Endpoint URL of its own: 1NCE allows one webhook per URL.',
      '1NCE cannot rename a webhook: to rename, create this copy under the new name, then delete the original.',
      ...(carried.length > 0
        ? [
            carried.length === 1
              ? `The value of ${names(carried)} is carried over in this tab's memory only: a reload drops it.`
              : `The values of ${names(carried)} are carried over in this tab's memory only: a reload drops them.`,
          ]
        : []),
      ...(unreadable.length > 0
        ? [`1NCE did not return the value of ${names(unreadable)}: enter it.`]
        : []),
    ],
    urlHint: URL_HINT,
  };
}

const names = (rows: HeaderRow[]) => rows.map((row) => row.key).join(', ');

/** Header rows the copy cannot send: 1NCE did not return their value and none was entered. */
export function unreadableRows(values: WebhookFormValues) {
  return values.headers.flatMap((row, index) =>
    row.unreadable && row.value === '' ? [{ index, name: row.key.trim() }] : [],
  );
}

export function DuplicateButton({ webhook }: { webhook: IntegrationDetail }) {
  const navigate = useNavigate();
  return (
    <Tooltip
      label="A new webhook with these settings. 1NCE cannot rename a webhook: to rename, duplicate it under the new name, then delete this one."
      multiline
      w={280}
    >
      <Button
        variant="default"
        leftSection={<IconCopy size={16} aria-hidden />}
        onClick={() => navigate(handOverToNewWebhook(duplicateOf(webhook)))}
      >
        Duplicate
      </Button>
    </Tooltip>
  );
}
