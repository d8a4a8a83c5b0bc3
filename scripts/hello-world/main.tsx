/// <reference types="vite/client" />
// The reference for the bundle budget (budgets.json): the smallest app on the console's stack,
// React + Mantine + TanStack Query, styled the way src/main.tsx is. Built only by
// scripts/measure-hello-world.js. Without JSX; Mantine pulls in react/jsx-runtime either way, so
// the bundle is the same.
import '@mantine/core/styles.css';
import { Button, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, createElement as h } from 'react';
import { createRoot } from 'react-dom/client';

const queryClient = new QueryClient();

createRoot(document.getElementById('root')!).render(
  h(
    StrictMode,
    null,
    h(
      MantineProvider,
      null,
      h(QueryClientProvider, { client: queryClient }, h(Button<'button'>, null, 'Hello world')),
    ),
  ),
);
