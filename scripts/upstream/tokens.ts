import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { apiError, isRecord, parseJson, type Reply } from './http';

export const DEFAULT_CREDENTIALS = { username: 'e2e-api-user', password: 'e2e-api-password' };
export const DEFAULT_TOKEN_LIFETIME_S = 3600;
// The real token is a JWT of about 3000 characters; 96 random bytes give 128 characters.
const TOKEN_BYTES = 96;

function authError(errorCode: string, message: string): Reply {
  return { status: 400, body: { statusCode: 400, errorCode, message } };
}

const unauthorized = (message: string): Reply => apiError(401, [{ message }]);

/** 1NCE's OAuth client-credentials flow, and the bearer check in front of /v1. */
export interface Tokens {
  /** POST /management-api/oauth/token. */
  issue(req: IncomingMessage, body: Buffer): Reply;
  /** Undefined when the bearer token is valid, otherwise the 401 to send. */
  check(req: IncomingMessage): Reply | undefined;
  /** Every token issued so far stops working. */
  revokeAll(): void;
}

export function createTokens({
  tokenLifetimeS,
  credentials,
}: {
  tokenLifetimeS: number;
  credentials: { username: string; password: string };
}): Tokens {
  // Token → expiry (ms since epoch). Revoking a token deletes it.
  const tokens = new Map<string, number>();

  return {
    issue(req, body) {
      const basic = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      const decoded = basic ? Buffer.from(basic[1] as string, 'base64').toString('utf8') : '';
      const colon = decoded.indexOf(':');
      if (!basic || colon <= 0 || colon === decoded.length - 1) {
        return authError(
          'AuthValidationError',
          'Missing username or password: send Authorization: Basic base64(username:password)',
        );
      }
      const json = parseJson(body);
      if (!json.ok || !isRecord(json.value) || json.value.grant_type !== 'client_credentials') {
        return authError(
          'BodyValidationError',
          'Request body must be JSON with "grant_type": "client_credentials"',
        );
      }
      const username = decoded.slice(0, colon);
      const password = decoded.slice(colon + 1);
      if (username !== credentials.username || password !== credentials.password) {
        return authError('BadCredentials', 'User does not exist.');
      }
      const accessToken = randomBytes(TOKEN_BYTES).toString('base64url');
      tokens.set(accessToken, Date.now() + tokenLifetimeS * 1000);
      return {
        status: 200,
        headers: { 'cache-control': 'no-store' },
        body: {
          status_code: 200,
          access_token: accessToken,
          token_type: 'bearer',
          expires_in: tokenLifetimeS,
          userId: 'user',
          scope: 'all',
        },
      };
    },

    check(req) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      if (!bearer) return unauthorized('Missing bearer token');
      const token = bearer[1] as string;
      const expiresAt = tokens.get(token);
      if (expiresAt === undefined || expiresAt <= Date.now()) {
        tokens.delete(token);
        return unauthorized('The incoming token has expired');
      }
      return undefined;
    },

    revokeAll() {
      tokens.clear();
    },
  };
}
