import { VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/**
 * Warnings about a value that can be saved but is probably not what the user meant, shown in a
 * field's description so the input is described by them. Spans: a description is a <p>.
 */
export function FieldWarnings({ warnings }: { warnings: string[] }) {
  return warnings.map((warning) => (
    <span
      key={warning}
      style={{ display: 'flex', gap: 4, marginTop: 4, color: 'var(--mantine-color-text)' }}
    >
      <IconAlertTriangle
        size={14}
        aria-hidden
        style={{ flex: 'none', marginTop: 2, color: 'var(--mantine-color-yellow-filled)' }}
      />
      <span>
        <VisuallyHidden>Warning:</VisuallyHidden> {warning}
      </span>
    </span>
  ));
}

/** A field error that may hold several problems, one per line. */
export function ErrorLines({ message }: { message: string | undefined }) {
  if (!message) return undefined;
  const lines = message.split('\n');
  if (lines.length === 1) return message;
  return lines.map((line) => (
    <span key={line} style={{ display: 'block' }}>
      {line}
    </span>
  ));
}
