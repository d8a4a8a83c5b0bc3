import type { DeviceContext } from '@/placeholders/inject';
import { DevicePicker } from '@/sims/device-picker';

/**
 * For PreviewPanel's `devicePicker`: a search of the account's SIMs. Imported statically by the
 * form and the detail page, both lazy routes, so it lands in the chunk they share and never in
 * the list's first load; a React.lazy boundary of its own split the shared Mantine chunks of the
 * list page into more files (+3.5 kB gzip there) to save the form 11 kB it loads on demand anyway.
 */
export function renderDevicePicker(onPick: (device: DeviceContext | null) => void) {
  return <DevicePicker onPick={onPick} />;
}
