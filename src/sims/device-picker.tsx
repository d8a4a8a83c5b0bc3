import '@mantine/core/styles/Combobox.layer.css';
import {
  Badge,
  Button,
  Combobox,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  useCombobox,
} from '@mantine/core';
import { memo, useState } from 'react';
import type { DeviceContext } from '@/placeholders/inject';
import { PICKER_BOX, PICKER_HINT } from '@/sims/device-picker-slot';
import { DISABLED, type Sim } from '@/sims/schemas';
import { useSimSearch } from '@/sims/use-sim-search';
import { formatCount } from '@/ui/format';

/** What 1NCE injects for :iccid:, :imsi: and :ip: in this SIM's events. */
function toDevice(sim: Sim): DeviceContext {
  return { iccid: sim.iccid ?? '', imsi: sim.imsi ?? '', ip: sim.ip_address ?? '' };
}

const nameOf = (sim: Sim) => sim.label || 'No label';

/** Everything an option shows, as one sentence for its accessible name. */
function describeSim(sim: Sim): string {
  return [
    nameOf(sim),
    `ICCID ${sim.iccid}`,
    `IP address ${sim.ip_address || 'none'}`,
    sim.status || 'Status unknown',
  ].join(', ');
}

/** Where the Preview's values come from, as "Values from …" ends. */
function sourceOf(sim: Sim): string {
  const name = sim.label ? `“${sim.label}”` : `SIM ${sim.iccid}`;
  return sim.status === DISABLED
    ? `${name}, a Disabled SIM: it sends no events until enabled`
    : name;
}

function StatusBadge({ status }: { status?: string }) {
  return (
    <Badge
      size="xs"
      variant="light"
      color={status === 'Enabled' ? 'teal' : 'gray'}
      style={{ flexShrink: 0 }}
    >
      {status || 'Unknown'}
    </Badge>
  );
}

/**
 * Memoised: the Preview around it renders again on every keystroke in the form, with the same
 * props. `initialInput` and `autoFocus` carry over what the stand-in (device-picker-slot) had.
 */
export const DevicePicker = memo(function DevicePicker({
  onPick,
  disabled,
  initialInput,
  autoFocus,
}: {
  onPick: (device: DeviceContext, source: string) => void;
  disabled: boolean;
  initialInput: string;
  autoFocus: boolean;
}) {
  const [input, setInput] = useState(initialInput);
  const search = useSimSearch(input);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  const choose = (iccid: string) => {
    const sim = search.options.find((option) => option.iccid === iccid);
    if (!sim) return;
    setInput('');
    combobox.closeDropdown();
    onPick(toDevice(sim), sourceOf(sim));
  };

  return (
    <Stack gap={4}>
      {/* Not in a portal: the options stay inside the page's landmarks, next to the box. */}
      <Combobox store={combobox} onOptionSubmit={choose} withinPortal={false}>
        <Combobox.Target withExpandedAttribute>
          <TextInput
            {...PICKER_BOX}
            value={input}
            disabled={disabled}
            // The stand-in had the focus: the search takes it over, with what was typed.
            autoFocus={autoFocus}
            onChange={(event) => {
              setInput(event.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onClick={() => combobox.openDropdown()}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            rightSection={search.busy ? <Loader size={12} aria-hidden /> : null}
            description={!search.error && <span role="status">{search.note ?? PICKER_HINT}</span>}
            error={search.error && <span role="alert">{search.error}</span>}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={search.options.length === 0}>
          <Combobox.Options aria-label="SIMs found" mah={280} style={{ overflowY: 'auto' }}>
            {search.options.map((sim) => (
              <Combobox.Option key={sim.iccid} value={sim.iccid!} aria-label={describeSim(sim)}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" c={sim.label ? undefined : 'dimmed'} truncate>
                      {nameOf(sim)}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {sim.iccid} · {sim.ip_address || 'no IP address'}
                    </Text>
                  </div>
                  <StatusBadge status={sim.status} />
                </Group>
              </Combobox.Option>
            ))}
          </Combobox.Options>
          {search.more > 0 && (
            <Combobox.Footer>
              <Text size="xs" c="dimmed">
                {formatCount(search.more)} more: type more to narrow the search.
              </Text>
            </Combobox.Footer>
          )}
        </Combobox.Dropdown>
      </Combobox>
      {search.retry && (
        <Button size="compact-xs" variant="light" w="fit-content" onClick={search.retry}>
          Search again
        </Button>
      )}
    </Stack>
  );
});
