import { memo, useDeferredValue, useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { rowsToHeaders, type WebhookFormValues } from '@/integrations/form';
import { savableHeaderRows } from '@/integrations/header-rules';
import { eventTypeLabel } from '@/ui/labels';
import { PreviewPanel } from '@/placeholders/preview-panel';
import { DevicePickerSlot } from '@/sims/device-picker-slot';

// Memoised, or useDeferredValue below defers nothing: each keystroke's urgent render would still
// re-render the whole preview (with its props unchanged) before the input could paint.
const DeferredPreviewPanel = memo(PreviewPanel);

/** The live preview of what the form would save; deferred so typing never waits for it. */
export function FormPreview() {
  const { control } = useFormContext<WebhookFormValues>();
  const [name, url, headers, eventTypes, jsonPayloadEnabled] = useDeferredValue(
    useWatch({ control, name: ['name', 'url', 'headers', 'eventTypes', 'jsonPayloadEnabled'] }),
  );
  const definition = useMemo(
    () => ({
      url: url.trim(),
      // Exactly the rows a save would send: not those still being typed or refused by the form.
      headers: rowsToHeaders(savableHeaderRows(headers)),
    }),
    [url, headers],
  );
  const integration = useMemo(
    () => ({ id: 'your-integration-id', name: name || 'your-integration' }),
    [name],
  );
  return (
    <DeferredPreviewPanel
      definition={definition}
      eventTypes={eventTypes}
      jsonPayloadEnabled={jsonPayloadEnabled}
      integration={integration}
      eventTypeLabel={eventTypeLabel}
      maxHeight="calc(100vh - 92px)"
      devicePicker={DevicePickerSlot}
    />
  );
}
