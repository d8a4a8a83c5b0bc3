// The sentences list and detail share, so both say the same thing the same way.
export const FORBIDDEN_DETAIL =
  'Your API user may not read administration logs, so failure history is hidden.';
export const FORBIDDEN_LIST =
  'Your API user may not read administration logs, so recent failures are hidden.';
export const RETENTION =
  '1NCE keeps administration logs for 7 days. While an integration is Failed, 1NCE does not queue its events: a Restart does not deliver them later.';
export const TRUNCATED =
  'Only the newest 1,250 log entries could be read: the API serves no more than 50 pages of 25.';
