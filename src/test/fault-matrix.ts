import { ApiError, NetworkError } from '@/api/errors';

const apiShaped = (status: number, statusText: string, errors: unknown[] = []) =>
  new ApiError(status, statusText, { statusCode: status, statusText, errors });

/**
 * The faults of the e2e fault matrix (e2e/faults.spec.ts) as the console receives them: the body
 * the API stand-in sends (the API's error shape unless the test gives one, see
 * scripts/upstream/faults.ts) with its Retry-After header, or no answer at all. The unit tables
 * check what each one says; the e2e matrix keeps one fault per way a failure is shown.
 */
export const MATRIX_FAULTS = {
  '400 with an errors list': apiShaped(400, 'Bad Request', [
    { property: 'url', message: 'url is not reachable from 1NCE' },
  ]),
  '403': apiShaped(403, 'Forbidden'),
  '404 (deleted in another tab)': apiShaped(404, 'Not Found'),
  '409': apiShaped(409, 'Conflict'),
  '429 with Retry-After': new ApiError(
    429,
    'Too Many Requests',
    { statusCode: 429, statusText: 'Too Many Requests', errors: [] },
    '2',
  ),
  '500': apiShaped(500, 'Server Error'),
  '503': apiShaped(503, 'Service Unavailable'),
  'network down': new NetworkError(new TypeError('Failed to fetch')),
};

export type MatrixFault = keyof typeof MATRIX_FAULTS;
