import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { ApiError, describeError } from '@/api/errors';
import { signIn } from '@/api/session';
import { PasswordInput } from '@/ui/password-input';

const signInSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, 'Enter your API username')),
  password: z.string().check(z.minLength(1, 'Enter your API password')),
});
type SignInValues = z.infer<typeof signInSchema>;

/** The API's own words for a failed sign-in (e.g. "User does not exist."), else a sentence. */
function signInError(error: unknown): string {
  if (error instanceof ApiError && error.status < 500) {
    const body = error.body as { message?: unknown } | undefined;
    if (typeof body?.message === 'string') return body.message;
    if (error.status === 401 || error.status === 400) return 'The API user or password is wrong.';
  }
  return describeError(error);
}

export function SignInForm({
  defaultUsername = '',
  submitLabel = 'Sign in',
  onSignedIn,
}: {
  defaultUsername?: string;
  submitLabel?: string;
  onSignedIn: () => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: defaultUsername, password: '' },
  });

  const submit = async ({ username, password }: SignInValues) => {
    setFailure(null);
    try {
      await signIn(username, password);
      onSignedIn();
    } catch (error) {
      setFailure(signInError(error));
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(submit)(event)} noValidate aria-label="Sign in">
      <Stack gap="sm">
        {failure && (
          <Alert
            color="red"
            icon={<IconAlertCircle aria-hidden />}
            title="Sign-in failed"
            role="alert"
          >
            {failure}
          </Alert>
        )}
        <TextInput
          label="API username"
          autoComplete="username"
          spellCheck={false}
          error={errors.username?.message}
          {...register('username')}
        />
        <PasswordInput
          label="API password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" loading={isSubmitting}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
