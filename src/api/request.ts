import { parse } from 'zod/mini';
import type { $ZodType, output } from 'zod/v4/core';
import { ApiError, NetworkError, hasStatus } from '@/api/errors';

export const API_BASE = '/management-api';

export interface Auth {
  /** The bearer token, or undefined when there is none or it has expired. */
  token: () => string | undefined;
  /** Resolves when the user has signed in again; rejects if they gave up. */
  reauthenticate: () => Promise<void>;
}

let auth: Auth | null = null;
let ready: Promise<void> = Promise.resolve();

/**
 * What must happen before any request is sent: in demo mode the simulated API has to be loaded
 * (a request sent earlier would reach this console's server, not the demo). The page renders at
 * once and its requests wait here, so the shell paints while the demo loads. A rejection
 * (the demo could not load) fails every request with that error, shown where the data would be.
 */
export function setApiReady(whenReady: Promise<void>) {
  ready = whenReady;
  // Handled by every request that awaits it; no unhandled rejection before the first one.
  whenReady.catch(() => undefined);
}

/** Resolves when requests may be sent (see setApiReady). */
export function apiReady(): Promise<void> {
  return ready;
}

/**
 * How a request reaches the API. The network, except in the demo while its service worker starts:
 * the simulated API then answers in this page (src/mocks/browser.ts), so the first screen does not
 * wait for the worker.
 */
export type Transport = (request: Request) => Promise<Response>;

const network: Transport = (request) => fetch(request);
let transport: Transport = network;

/** Sends every request through `next` from now on; `null` goes back to the network. */
export function setTransport(next: Transport | null) {
  transport = next ?? network;
}

/** Live mode installs its session here; demo mode sends no credentials. */
export function setAuth(next: Auth | null) {
  auth = next;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

export async function request<S extends $ZodType>(
  path: string,
  schema: S,
  options?: RequestOptions,
): Promise<output<S>>;
export async function request(path: string, schema: null, options?: RequestOptions): Promise<void>;
export async function request(
  path: string,
  schema: $ZodType | null,
  options: RequestOptions = {},
): Promise<unknown> {
  return (await exchange(path, schema, options)).data;
}

/** As request(), for the APIs that answer part of their result in headers (paging of /v1/sims). */
export async function requestWithHeaders<S extends $ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<{ data: output<S>; headers: Headers }> {
  const { data, headers } = await exchange(path, schema, options);
  return { data: data as output<S>, headers };
}

async function exchange(
  path: string,
  schema: $ZodType | null,
  options: RequestOptions,
): Promise<{ data: unknown; headers: Headers }> {
  await ready;
  if (auth && !auth.token()) await auth.reauthenticate();
  try {
    return await send(path, schema, options);
  } catch (error) {
    // A token can be revoked or expire early; the request is sent again once the user signed in.
    if (!(auth && hasStatus(error, 401))) throw error;
    await auth.reauthenticate();
    return send(path, schema, options);
  }
}

async function send(
  path: string,
  schema: $ZodType | null,
  { method = 'GET', body, query, signal }: RequestOptions,
): Promise<{ data: unknown; headers: Headers }> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(key, String(value));
  }
  const qs = search.size > 0 ? `?${search.toString()}` : '';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = auth?.token();
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await transport(
      new Request(new URL(`${API_BASE}${path}${qs}`, window.location.origin), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      }),
    );
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }

  const json = await readBody(response);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      response.statusText,
      json,
      response.headers.get('retry-after'),
    );
  }
  return {
    data: schema === null ? undefined : parse(schema, json),
    headers: response.headers,
  };
}

/** The body as JSON; as text when it is not JSON (a gateway's HTML page); undefined when empty. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
