// Mantine's Tooltip (and floating-ui under it) as a chunk of its own, loaded by Hint.
export { Tooltip as default } from '@mantine/core';
