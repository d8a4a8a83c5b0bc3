import '@mantine/core/styles/Modal.layer.css';
import { Button, Group, Modal, Stack, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A question with two answers, the way Restart, Delete and leaving an unsaved form ask it: the
 * body says what the action does (and shows its error), closing the dialog is the same as Cancel.
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  onCancel,
  cancelLabel = 'Cancel',
  onConfirm,
  confirmLabel,
  confirmColor,
  loading,
}: {
  opened: boolean;
  title: ReactNode;
  children: ReactNode;
  onCancel: () => void;
  cancelLabel?: string;
  onConfirm: () => void;
  confirmLabel: string;
  confirmColor?: MantineColor;
  /** The action is on its way. */
  loading?: boolean;
}) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onCancel}
      title={title}
    >
      <Stack>
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {cancelLabel}
          </Button>
          <Button color={confirmColor} loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
