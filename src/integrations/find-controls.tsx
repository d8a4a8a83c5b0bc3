// NativeSelect's chevron is styled by Combobox's stylesheet.
import '@mantine/core/styles/Combobox.layer.css';
import { CloseButton, Group, NativeSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from '@/ui/router';
import { STATE_FILTERS, TYPE_FILTERS, readFilters, withFilters } from '@/integrations/find';
import { integrationTypeLabel } from '@/ui/labels';
import { stateInfo } from '@/integrations/state-badge';

// Long enough that a typed word is one history entry's worth of URL change, short enough that
// the results follow the typing.
const TYPING_DEBOUNCE_MS = 250;

const stateOptions = [
  { value: '', label: 'Any state' },
  ...STATE_FILTERS.map((state) => ({ value: state, label: stateInfo(state).label })),
];
const typeOptions = [
  { value: '', label: 'Any type' },
  ...TYPE_FILTERS.map((type) => ({ value: type, label: integrationTypeLabel(type) })),
];

/**
 * Search and filters for the list. The URL is the state: the selects push a history entry each,
 * the search box replaces the entry once typing pauses, so Back does not replay every keystroke.
 */
export function FindControls() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readFilters(searchParams);
  const [text, setText] = useState(filters.q);
  // Back/Forward or "Clear search and filters" change the URL under the box: the box follows
  // it, but not the URL it wrote itself (by then the user may have typed on).
  const [shownQ, setShownQ] = useState(filters.q);
  const [written, setWritten] = useState(filters.q);
  if (shownQ !== filters.q) {
    setShownQ(filters.q);
    if (filters.q !== written) {
      setText(filters.q);
      setWritten(filters.q);
    }
  }

  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => {
      setWritten(text);
      setSearchParams((params) => withFilters(params, { q: text }), { replace: true });
    }, TYPING_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters.q, setSearchParams]);

  const clearSearch = () => {
    setText('');
    setWritten('');
    setSearchParams((params) => withFilters(params, { q: '' }), { replace: true });
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Find integrations">
      <TextInput
        label="Search integrations by name or URL"
        placeholder="Name or endpoint URL contains…"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text !== '') clearSearch();
        }}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          text !== '' ? <CloseButton aria-label="Clear search" onClick={clearSearch} /> : null
        }
        style={{ flex: '3 1 16rem' }}
      />
      <NativeSelect
        label="State"
        data={stateOptions}
        value={filters.state}
        onChange={(event) =>
          setSearchParams((params) => withFilters(params, { state: event.currentTarget.value }))
        }
        style={{ flex: '1 1 10rem' }}
      />
      <NativeSelect
        label="Type"
        data={typeOptions}
        value={filters.type}
        onChange={(event) =>
          setSearchParams((params) => withFilters(params, { type: event.currentTarget.value }))
        }
        style={{ flex: '1 1 8rem' }}
      />
    </Group>
  );
}
