import '@mantine/core/styles/Notification.layer.css';
import '@mantine/notifications/styles.layer.css';
import { useMatches } from '@mantine/core';
import { Notifications, type NotificationsProps } from '@mantine/notifications';
import classes from '@/ui/toasts.module.css';

/** On a phone a toast at the top would cover the page's title and the header's controls. */
export default function ToastsContainer() {
  const position = useMatches<NotificationsProps['position']>({
    base: 'bottom-center',
    sm: 'top-right',
  });
  return <Notifications position={position} classNames={{ root: classes.toasts }} />;
}
