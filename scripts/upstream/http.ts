import { Buffer } from 'node:buffer';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';

/** An answer the stand-in writes itself (the MSW handlers answer with a fetch Response). */
export type Reply = { status: number; headers?: Record<string, string>; body?: unknown };

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

export function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown';
}

/** The Management API's error shape. */
export function apiError(status: number, errors: { message: string; property?: string }[]): Reply {
  return { status, body: { statusCode: status, statusText: statusText(status), errors } };
}

export const notFound = (): Reply => apiError(404, []);

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The Node request as a fetch Request, for MSW's getResponse. */
export function toRequest(req: IncomingMessage, url: URL, body: Buffer): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, req.rawHeaders[i + 1] as string);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(url, {
    method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
  });
}

export function writeReply(res: ServerResponse, method: string, reply: Reply) {
  const headers: Record<string, string> = { ...reply.headers };
  const hasHeader = (name: string) =>
    Object.keys(headers).some((key) => key.toLowerCase() === name);
  let payload: Buffer | undefined;
  if (reply.body !== undefined && reply.status !== 204 && reply.status !== 304) {
    if (typeof reply.body === 'string') {
      payload = Buffer.from(reply.body);
      if (!hasHeader('content-type')) headers['content-type'] = 'text/plain; charset=utf-8';
    } else {
      payload = Buffer.from(JSON.stringify(reply.body));
      if (!hasHeader('content-type')) headers['content-type'] = 'application/json';
    }
    headers['content-length'] = String(payload.length);
  }
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}

export async function writeResponse(res: ServerResponse, method: string, response: Response) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length' && !HOP_BY_HOP.has(name)) {
      headers[name] = value;
    }
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const noBody = response.status === 204 || response.status === 304;
  const payload = noBody ? undefined : Buffer.from(await response.arrayBuffer());
  if (payload) headers['content-length'] = String(payload.length);
  if (response.statusText) res.writeHead(response.status, response.statusText, headers);
  else res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}
