/// <reference types="vite/client" />
// The floor for the Lighthouse gate (scripts/lighthouse.js): one screen that does what a console
// page does, on the console's stack and nothing more: React, Mantine core (a dozen components),
// TanStack Query reading JSON from its server, react-hook-form with a zod schema. Whatever the
// console scores worse than this, it owes to its own code, not to the machine or the stack.
// Built and served by scripts/floor/serve.js.
import '@mantine/core/styles.css';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  AppShell,
  Badge,
  Button,
  Checkbox,
  Group,
  MantineProvider,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';

// As in the console: its CSP forbids eval, which zod's JIT would try.
z.config({ jitless: true });

const itemsSchema = z.array(
  z.looseObject({ id: z.string(), name: z.string(), url: z.string(), state: z.string() }),
);

const formSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(128),
  url: z.url({ protocol: /^https$/, message: 'Enter an https URL' }),
  active: z.boolean(),
  eventTypes: z.array(z.string()).min(1, 'Choose at least one event type'),
});
type FormValues = z.infer<typeof formSchema>;

const EVENT_TYPES = ['Telemetry', 'Lifecycle', 'Error', 'Geofence', 'Location'];

function ItemsTable() {
  const { data, isPending, isError } = useQuery({
    queryKey: ['items'],
    queryFn: async () => itemsSchema.parse(await (await fetch('/api/items')).json()),
  });
  if (isPending) return <Text c="gray.7">Loading…</Text>;
  if (isError) return <Alert color="red">Could not load the items.</Alert>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Endpoint URL</Table.Th>
            <Table.Th>State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{item.name}</Table.Td>
              <Table.Td>{item.url}</Table.Td>
              <Table.Td>
                <Badge
                  {...(item.state === 'Failed'
                    ? { color: 'red.9', variant: 'filled' }
                    : { variant: 'default' })}
                >
                  {item.state}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ItemForm() {
  const [saved, setSaved] = useState<string>();
  const { register, control, handleSubmit, formState } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { name: '', url: '', active: true, eventTypes: ['Telemetry'] },
  });
  const { errors } = formState;
  return (
    <form noValidate onSubmit={handleSubmit((values) => setSaved(values.name))}>
      <Stack>
        <TextInput
          label="Integration name"
          required
          error={errors.name?.message}
          {...register('name')}
        />
        <TextInput label="Endpoint URL" required error={errors.url?.message} {...register('url')} />
        <Controller
          control={control}
          name="active"
          render={({ field: { value, ...field } }) => (
            <Switch
              label="Active"
              checked={value}
              {...field}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        <Controller
          control={control}
          name="eventTypes"
          render={({ field }) => (
            <Checkbox.Group label="Event types" error={errors.eventTypes?.message} {...field}>
              <Group mt="xs">
                {EVENT_TYPES.map((type) => (
                  <Checkbox key={type} value={type} label={type} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <Group justify="flex-end">
          <Button type="submit">Save</Button>
        </Group>
        {saved && <Alert color="green">Saved {saved}.</Alert>}
      </Stack>
    </form>
  );
}

const queryClient = new QueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Shade 8: white on Mantine's default filled shade (6) misses AA contrast. */}
    <MantineProvider theme={{ primaryShade: 8 }}>
      <QueryClientProvider client={queryClient}>
        <AppShell header={{ height: 56 }} padding="md">
          <AppShell.Header>
            <Group h="100%" px="md" justify="space-between">
              <Text fw={700}>Floor</Text>
              <Badge variant="default">Reference</Badge>
            </Group>
          </AppShell.Header>
          <AppShell.Main>
            <Stack maw={960} mx="auto">
              <div>
                <Title order={1}>Integrations</Title>
                <Text c="gray.7" size="sm">
                  The same stack as the console, one screen, nothing else.
                </Text>
              </div>
              <Paper withBorder p="md">
                <Title order={2} size="h3" mb="sm">
                  New item
                </Title>
                <ItemForm />
              </Paper>
              {/* Below the form: rows arriving later push nothing down (no layout shift). */}
              <Paper withBorder p="md">
                <ItemsTable />
              </Paper>
            </Stack>
          </AppShell.Main>
        </AppShell>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
