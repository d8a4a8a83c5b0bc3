import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from '@/ui/router';
import { usePageTitle } from '@/ui/use-page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <Stack align="flex-start">
      <Title order={1}>Page not found</Title>
      <Text>There is nothing at this address.</Text>
      <Button component={Link} to="/integrations">
        Go to integrations
      </Button>
    </Stack>
  );
}
