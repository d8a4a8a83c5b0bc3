import { Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { CopyValue } from '@/integrations/copy-value';
import { ErrorLines, FieldWarnings } from '@/integrations/field-warnings';
import type { WebhookFormValues } from '@/integrations/form';
import { UrlConflictMessage } from '@/integrations/url-owner';
import { unreachableHostWarning } from '@/integrations/url-rules';
import { unknownTokenWarnings } from '@/placeholders/warnings';

const SOURCE_IPS = ['52.29.71.11', '18.157.211.95'] as const;

export function UrlField({ hint }: { hint?: string }) {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<WebhookFormValues>();
  const url = useWatch({ control, name: 'url' }) ?? '';
  const hostWarning = unreachableHostWarning(url);
  const warnings = [...(hostWarning ? [hostWarning] : []), ...unknownTokenWarnings(url)];
  return (
    <Stack gap={6}>
      <TextInput
        label="Endpoint URL"
        required
        placeholder="https://example.com/1nce/events"
        description={
          <>
            1NCE sends each event as an HTTPS POST here. :iccid:, :imsi: and :ip: are replaced per
            event.
            {hint && <span style={{ display: 'block', marginTop: 4 }}>{hint}</span>}
            <FieldWarnings warnings={warnings} />
          </>
        }
        inputWrapperOrder={['label', 'input', 'error', 'description']}
        error={
          errors.url?.type === 'conflict' && errors.url.message ? (
            <UrlConflictMessage message={errors.url.message} url={url.trim()} />
          ) : (
            errors.url?.message && <ErrorLines message={errors.url.message} />
          )
        }
        autoComplete="off"
        spellCheck={false}
        inputMode="url"
        {...register('url')}
      />
      <SourceIps />
    </Stack>
  );
}

function SourceIps() {
  return (
    <Text size="xs" c="dimmed" component="div">
      <Group gap={6}>
        <span>If your endpoint filters by IP, allow the addresses 1NCE delivers from:</span>
        {SOURCE_IPS.map((ip) => (
          <Group key={ip} gap={2} wrap="nowrap">
            <Code>{ip}</Code>
            <CopyValue value={ip} label={`Copy ${ip}`} size={12} />
          </Group>
        ))}
      </Group>
    </Text>
  );
}
