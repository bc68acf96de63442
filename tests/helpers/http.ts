import { expect } from 'vitest';
import { SESSION_COOKIE } from '@twofold/shared';

interface Fetchable {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** Calls the app (in-process `app.request`, or a real URL through `fetch`) and reads the reply. */
export async function call(
  target: Fetchable | string,
  method: string,
  path: string,
  options: {
    json?: unknown;
    rawBody?: string;
    cookie?: string;
    origin?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.json !== undefined || options.rawBody !== undefined)
    headers['content-type'] ??= 'application/json';
  if (options.cookie) headers.cookie = `${SESSION_COOKIE}=${options.cookie}`;
  if (options.origin) headers.origin = options.origin;
  const init: RequestInit = {
    method,
    headers,
    body: options.rawBody ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
  };
  const response =
    typeof target === 'string'
      ? await fetch(`${target}${path}`, init)
      : await target.request(`http://localhost${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** The session token from a Set-Cookie header, if any. */
export function sessionFrom(reply: Reply): string | undefined {
  const header = reply.headers.get('set-cookie') ?? '';
  return new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(header)?.[1] || undefined;
}

let people = 0;
/** Signs a new person up and returns their user id and session token. */
export async function signUp(target: Fetchable | string, name = 'Alex') {
  people++;
  const email = `${name.toLowerCase()}${people}.${Date.now().toString(36)}@example.test`;
  const reply = await call(target, 'POST', '/api/auth/signup', {
    json: { email, password: 'a long enough password', name },
  });
  if (reply.status !== 201) throw new Error(`signup failed: ${reply.status} ${reply.text}`);
  const cookie = sessionFrom(reply);
  if (!cookie) throw new Error('signup set no session cookie');
  return { id: (reply.body as { user: { id: string } }).user.id, email, cookie, name };
}
export type SignedUp = Awaited<ReturnType<typeof signUp>>;

/** Alex creates a space and Sam joins it through an invite; returns both and the space id. */
export async function pairUp(target: Fetchable | string) {
  const alex = await signUp(target, 'Alex');
  const sam = await signUp(target, 'Sam');
  const space = await call(target, 'POST', '/api/spaces', {
    cookie: alex.cookie,
    json: { name: 'Alex & Sam' },
  });
  const spaceId = (space.body as { space: { id: string } }).space.id;
  const invite = await call(target, 'POST', `/api/spaces/${spaceId}/invites`, { cookie: alex.cookie });
  const code = (invite.body as { invite: { code: string } }).invite.code;
  const accepted = await call(target, 'POST', `/api/invites/${code}/accept`, { cookie: sam.cookie });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
  return { alex, sam, spaceId };
}

/** Asserts the error shape every HTTP failure has, with this code. */
export function expectErrorCode(reply: { body: unknown }, code: string): void {
  expect(reply.body).toEqual({ error: { code, message: expect.any(String) } });
}
