import '@mantine/core/styles/SimpleGrid.layer.css';
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, type ComponentType, type Dispatch, type SetStateAction } from 'react';
import type { DeviceContext } from '@/placeholders/inject';
import { EXAMPLE_DEVICE } from '@/placeholders/preview';

/** A search for a real device, given by the page; `source` ends "Values from …". */
export type DevicePicker = ComponentType<{
  onPick: (device: DeviceContext, source: string) => void;
  disabled: boolean;
}>;

/** The device whose values are injected, and where they came from when not typed or the example. */
export interface DeviceState {
  device: DeviceContext;
  source?: string;
}

export const exampleDevice = (): DeviceState => ({ device: { ...EXAMPLE_DEVICE } });

const FIELDS = [
  ['iccid', 'ICCID'],
  ['imsi', 'IMSI'],
  ['ip', 'IP address'],
] as const;

/** The device values the Preview injects: typed, the example's, or picked by `devicePicker`. */
export function PreviewDevice({
  state: { device, source },
  onChange,
  disabled,
  devicePicker: DevicePicker,
}: {
  state: DeviceState;
  onChange: Dispatch<SetStateAction<DeviceState>>;
  disabled: boolean;
  devicePicker?: DevicePicker;
}) {
  const pickDevice = useCallback(
    (picked: DeviceContext, from: string) => onChange({ device: picked, source: from }),
    [onChange],
  );
  return (
    <>
      {DevicePicker && (
        <Stack gap={4}>
          <DevicePicker onPick={pickDevice} disabled={disabled} />
          {source && (
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Text size="xs" role="status">
                Values from {source}.
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => onChange(exampleDevice())}>
                Use the example device
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <SimpleGrid
        spacing="xs"
        // As many columns as fit at the width a 19-digit ICCID needs, so it always shows whole.
        style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))' }}
      >
        {FIELDS.map(([key, label]) => (
          <TextInput
            key={key}
            label={label}
            size="xs"
            value={device[key] ?? ''}
            disabled={disabled}
            onChange={(event) => {
              const value = event.currentTarget.value;
              // Typed by hand: no longer the values of the SIM that was picked.
              onChange((current) => ({ device: { ...current.device, [key]: value } }));
            }}
            autoComplete="off"
            spellCheck={false}
          />
        ))}
      </SimpleGrid>
    </>
  );
}
