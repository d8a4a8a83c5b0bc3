import { Button } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';

// The dialogs, their logic and the file format stay out of the list's first load.
const loadExport = () => import('@/transfer/export-dialog');
const loadImport = () => import('@/transfer/import-dialog');
const ExportDialog = lazy(() => loadExport().then((module) => ({ default: module.ExportDialog })));
const ImportDialog = lazy(() => loadImport().then((module) => ({ default: module.ImportDialog })));

/** Export and Import on the list's header. */
export function TransferActions() {
  const [open, setOpen] = useState<'export' | 'import' | undefined>();
  const close = () => setOpen(undefined);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
        onPointerEnter={() => void loadExport()}
        onClick={() => setOpen('export')}
      >
        Export
      </Button>
      <Button
        variant="default"
        leftSection={<IconUpload size={16} aria-hidden />}
        onPointerEnter={() => void loadImport()}
        onClick={() => setOpen('import')}
      >
        Import
      </Button>
      <Suspense>
        {open === 'export' && <ExportDialog onClose={close} />}
        {open === 'import' && <ImportDialog onClose={close} />}
      </Suspense>
    </>
  );
}
