import { Badge } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconClockHour4,
  IconHelpCircle,
  IconRocket,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Hint } from '@/ui/hint';

interface StateInfo {
  label: string;
  color: string;
  icon: ReactNode;
  next: string;
}

const ICON = { size: 14, 'aria-hidden': true } as const;

const STATES: Record<string, StateInfo> = {
  INTEGRATION_ACTIVE: {
    label: 'Active',
    color: 'green',
    icon: <IconCircleCheck {...ICON} />,
    next: 'Events are being delivered. Five failed attempts in a row would mark it Failed.',
  },
  INTEGRATION_FAILED: {
    label: 'Failed',
    color: 'red',
    icon: <IconAlertTriangle {...ICON} />,
    next: '1NCE stopped delivering after 5 failed attempts. Events are not queued. Fix the endpoint, then Restart.',
  },
  ROLLOUT_DONE: {
    label: 'Rollout done',
    color: 'blue',
    icon: <IconClockHour4 {...ICON} />,
    next: 'Set up and waiting for the first device message; the first successful delivery makes it Active.',
  },
  ROLLOUT_STARTED: {
    label: 'Rollout started',
    color: 'yellow',
    icon: <IconRocket {...ICON} />,
    next: 'Waiting for the AWS CloudFormation stack to be rolled out; its token is valid for one hour.',
  },
  ROLLOUT_FAILED: {
    label: 'Rollout failed',
    color: 'red',
    icon: <IconAlertTriangle {...ICON} />,
    next: 'The AWS CloudFormation rollout did not complete. Check the stack in your AWS account.',
  },
};

export function stateInfo(state: string): StateInfo {
  return (
    STATES[state] ?? {
      label: state,
      color: 'gray',
      icon: <IconHelpCircle {...ICON} />,
      next: 'A state this console does not know yet; check the 1NCE portal for details.',
    }
  );
}

/**
 * Not a tab stop: a keyboard user would meet one per row for a tooltip. The tooltip is for the
 * mouse; `explanationId` gives the same text to a control that refers to it (the row's link in
 * the list), while the detail page shows it in full.
 */
export function StateBadge({ state, explanationId }: { state: string; explanationId?: string }) {
  const info = stateInfo(state);
  return (
    <>
      <Hint label={info.next} multiline w={280} withArrow>
        <Badge
          color={info.color}
          variant="light"
          leftSection={info.icon}
          // Whole, never "Rollo…": on a phone the state column is as narrow as the table can make it.
          style={{ textTransform: 'none', minWidth: 'max-content' }}
        >
          {info.label}
        </Badge>
      </Hint>
      {explanationId && (
        // Hidden, yet still read as a description: read once with the link, not twice in reading order.
        <span id={explanationId} hidden>
          {info.label}: {info.next}
        </span>
      )}
    </>
  );
}
