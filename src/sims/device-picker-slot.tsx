import { TextInput } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { DeviceContext } from '@/placeholders/inject';

// The combobox and the SIM queries load when a Preview first shows, not with the form.
const DevicePicker = lazy(() =>
  import('@/sims/device-picker').then((module) => ({ default: module.DevicePicker })),
);

/** For PreviewPanel's `devicePicker`: a search of the account's SIMs. */
export function renderDevicePicker(onPick: (device: DeviceContext | null) => void) {
  return (
    <Suspense
      fallback={<TextInput label="Use a real device" placeholder="Loading…" size="xs" disabled />}
    >
      <DevicePicker onPick={onPick} />
    </Suspense>
  );
}
