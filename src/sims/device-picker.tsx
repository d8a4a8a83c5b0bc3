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
import { useState } from 'react';
import type { DeviceContext } from '@/placeholders/inject';
import { DISABLED, type Sim } from '@/sims/schemas';
import { useSimSearch } from '@/sims/use-sim-search';

export interface DevicePickerProps {
  /** A SIM's values for the Preview, or null to go back to the example device. */
  onPick: (device: DeviceContext | null) => void;
}

export const PICKER_LABEL = 'Use a real device';
export const PICKER_PLACEHOLDER = 'ICCID, IP address or label';
const HINT = 'Fills ICCID, IMSI and IP address below from one of your SIMs.';

/** What 1NCE injects for :iccid:, :imsi: and :ip: in this SIM's events. */
export function toDevice(sim: Sim): DeviceContext {
  return { iccid: sim.iccid ?? '', imsi: sim.imsi ?? '', ip: sim.ip_address ?? '' };
}

const nameOf = (sim: Sim) => sim.label || 'No label';

/** Everything an option shows, as one sentence for its accessible name. */
export function describeSim(sim: Sim): string {
  return [
    nameOf(sim),
    `ICCID ${sim.iccid}`,
    `IP address ${sim.ip_address || 'none'}`,
    sim.status || 'Status unknown',
  ].join(', ');
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

export function DevicePicker({ onPick }: DevicePickerProps) {
  const [input, setInput] = useState('');
  const [chosen, setChosen] = useState<Sim | null>(null);
  const search = useSimSearch(input);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  const choose = (iccid: string) => {
    const sim = search.options.find((option) => option.iccid === iccid);
    if (!sim) return;
    setChosen(sim);
    setInput('');
    combobox.closeDropdown();
    onPick(toDevice(sim));
  };

  return (
    <Stack gap={4}>
      {/* Not in a portal: the options stay inside the page's landmarks, next to the box. */}
      <Combobox store={combobox} onOptionSubmit={choose} withinPortal={false}>
        <Combobox.Target withExpandedAttribute>
          <TextInput
            label={PICKER_LABEL}
            placeholder={PICKER_PLACEHOLDER}
            size="xs"
            value={input}
            onChange={(event) => {
              setInput(event.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onClick={() => combobox.openDropdown()}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            rightSection={search.busy ? <Loader size={12} aria-hidden /> : null}
            // Messages under the box, so the box does not move while they change.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description={!search.error && <span role="status">{search.note ?? HINT}</span>}
            error={search.error && <span role="alert">{search.error}</span>}
            autoComplete="off"
            spellCheck={false}
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
                {search.more.toLocaleString('en')} more: type more to narrow the search.
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
      {chosen && (
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text size="xs" role="status">
            Values from {chosen.label ? `“${chosen.label}”` : `SIM ${chosen.iccid}`}
            {chosen.status === DISABLED && ', a Disabled SIM: it sends no events until enabled'}.
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => {
              setChosen(null);
              onPick(null);
            }}
          >
            Use the example device
          </Button>
        </Group>
      )}
    </Stack>
  );
}
