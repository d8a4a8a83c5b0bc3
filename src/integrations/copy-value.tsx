import '@mantine/core/styles/Tooltip.layer.css';
import { ActionIcon, CopyButton, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A copy button whose accessible name says what it copies. */
export function CopyValue({
  value,
  label,
  size = 14,
}: {
  value: string;
  label: string;
  size?: number;
}) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label}>
          <ActionIcon variant="subtle" size="sm" aria-label={label} onClick={copy}>
            {copied ? <IconCheck size={size} aria-hidden /> : <IconCopy size={size} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}
