// Mantine's Tooltip (and floating-ui under it) as a chunk of its own, loaded by Hint.
import '@mantine/core/styles/Tooltip.layer.css';
export { Tooltip as default } from '@mantine/core';
