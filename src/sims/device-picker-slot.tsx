import { Stack, TextInput, type TextInputProps } from '@mantine/core';
import { memo, useState } from 'react';
import type { DeviceContext } from '@/placeholders/inject';
import type { DevicePicker } from '@/sims/device-picker';

// One box for the stand-in and the search that replaces it, so nothing moves or reads otherwise.
export const PICKER_BOX: TextInputProps = {
  label: 'Use a real device',
  placeholder: 'ICCID, IP address or label',
  size: 'xs',
  // Messages under the box, so the box does not move while they change.
  inputWrapperOrder: ['label', 'input', 'description', 'error'],
  autoComplete: 'off',
  spellCheck: false,
};
export const PICKER_HINT = 'Fills ICCID, IMSI and IP address below from one of your SIMs.';

interface DevicePickerSlotProps {
  /** A SIM's values for the Preview, and where they come from ("Values from …"). */
  onPick: (device: DeviceContext, source: string) => void;
  disabled: boolean;
}

/** Loaded once for the tab: a later Preview shows the search at once. */
let loaded: typeof DevicePicker | undefined;

/** As a new tab, where the search is not loaded yet; for unit tests that share this module. */
export function forgetLoadedDevicePicker() {
  loaded = undefined;
}

/**
 * For PreviewPanel's `devicePicker`: a search of the account's SIMs, loaded on intent. Until the
 * user points at, focuses or types into it, a plain box of the form's chunk stands in; the search
 * (Combobox, queries, rate limiter: 11 kB gzip) then takes its place with what was typed and the
 * focus. The webhook form's first load no longer carries it.
 */
export const DevicePickerSlot = memo(function DevicePickerSlot({
  onPick,
  disabled,
}: DevicePickerSlotProps) {
  const [Picker, setPicker] = useState(() => loaded);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [typed, setTyped] = useState('');
  const [focused, setFocused] = useState(false);

  if (Picker) {
    return <Picker onPick={onPick} disabled={disabled} initialInput={typed} autoFocus={focused} />;
  }

  const load = () => {
    if (loading) return;
    setLoading(true);
    setFailed(false);
    import('@/sims/device-picker').then(
      (module) => {
        loaded = module.DevicePicker;
        setPicker(() => module.DevicePicker);
      },
      () => {
        setLoading(false);
        setFailed(true);
      },
    );
  };

  return (
    <Stack gap={4}>
      <TextInput
        {...PICKER_BOX}
        value={typed}
        disabled={disabled}
        onChange={(event) => setTyped(event.currentTarget.value)}
        onFocus={() => {
          setFocused(true);
          load();
        }}
        onBlur={() => setFocused(false)}
        onPointerEnter={load}
        onKeyDown={load}
        // As the search's box: a combobox whose list is not open.
        role="combobox"
        aria-expanded={false}
        description={!failed && <span role="status">{PICKER_HINT}</span>}
        error={
          failed && (
            <span role="alert">
              The SIM search could not be loaded. Check your connection and try again.
            </span>
          )
        }
      />
    </Stack>
  );
});
