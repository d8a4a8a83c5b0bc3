import '@mantine/core/styles/PasswordInput.layer.css';
// eslint-disable-next-line no-restricted-syntax -- the one place that wraps Mantine's
import { PasswordInput as MantinePasswordInput, type PasswordInputProps } from '@mantine/core';
import type { Ref } from 'react';

/**
 * Mantine's PasswordInput shows its `error` and links it with aria-describedby, but leaves
 * aria-invalid off its input (TextInput sets it): a field red on screen is valid to a screen reader.
 */
export function PasswordInput(props: PasswordInputProps & { ref?: Ref<HTMLInputElement> }) {
  return <MantinePasswordInput aria-invalid={props.error ? true : undefined} {...props} />;
}
