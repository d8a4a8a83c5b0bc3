const REQUEST_LOG_CAP = 200;

export interface RecordedRequest {
  method: string;
  /** The request target as received, query string included. */
  path: string;
  /** Only the scheme ('Bearer', 'Basic', …) or null without the header: never the credential. */
  authorization: string | null;
}

function authorizationScheme(header: string | undefined): string | null {
  const scheme = header?.trim().split(/\s+/)[0];
  return scheme ? scheme : null;
}

/** What reached the API (control and health requests aside), for a test to read back. */
export function createRequestLog() {
  let requests: RecordedRequest[] = [];

  return {
    record(method: string, target: string, authorization: string | undefined) {
      requests.push({ method, path: target, authorization: authorizationScheme(authorization) });
      if (requests.length > REQUEST_LOG_CAP) {
        requests.splice(0, requests.length - REQUEST_LOG_CAP);
      }
    },

    list: () => requests,

    clear() {
      requests = [];
    },
  };
}

export type RequestLog = ReturnType<typeof createRequestLog>;
