import '@mantine/core/styles/Checkbox.layer.css';
import { Button, Checkbox, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconTerminal2 } from '@tabler/icons-react';
import { useState } from 'react';
import { toCurl } from '@/placeholders/curl';
import type { PreviewRequest } from '@/placeholders/preview';
import { isSecretName } from '@/placeholders/secrets';

/** Copies the previewed request (with its first body) as a cURL command, secrets redacted. */
export function PreviewCurl({ preview }: { preview: PreviewRequest }) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);

  const copyCurl = async () => {
    const command = toCurl(
      {
        method: preview.method,
        url: preview.url,
        headers: preview.headers,
        body: preview.bodies[0]?.body,
      },
      { includeSecrets, isSecret: isSecretName },
    );
    try {
      await navigator.clipboard.writeText(command);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <>
      <Group gap="sm" align="center">
        <Button
          size="xs"
          variant="light"
          leftSection={
            copied === 'ok' ? (
              <IconCheck size={14} aria-hidden />
            ) : (
              <IconTerminal2 size={14} aria-hidden />
            )
          }
          onClick={copyCurl}
        >
          Copy as cURL
        </Button>
        <Checkbox
          size="xs"
          label="Include secret values"
          checked={includeSecrets}
          onChange={(event) => {
            setIncludeSecrets(event.currentTarget.checked);
            setCopied(null);
          }}
        />
      </Group>
      <VisuallyHidden aria-live="polite">
        {copied === 'ok' ? 'cURL command copied to the clipboard' : ''}
      </VisuallyHidden>
      {copied === 'ok' && (
        <Text size="xs" c="teal">
          Copied
          {includeSecrets ? ', with secret values' : ', secret values replaced by <redacted>'}.
        </Text>
      )}
      {copied === 'failed' && (
        <Text size="xs" c="red" role="alert">
          The browser did not allow copying. Select the request above and copy it by hand.
        </Text>
      )}
    </>
  );
}
