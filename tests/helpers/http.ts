import { expect } from 'vitest';
import { SESSION_COOKIE } from '@twofold/shared';

interface Fetchable {
  request(input: string, init?: RequestInit, env?: object): Response | Promise<Response>;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** The password every test account uses: long enough to be accepted. */
export const PASSWORD = 'a long enough password';

/**
 * Calls the app (in-process `app.request`, or a real URL through `fetch`) and reads the reply.
 * `address` makes an in-process request look as if it came from that peer address, the way
 * @hono/node-server reports it, for per-address limits.
 */
export async function call(
  target: Fetchable | string,
  method: string,
  path: string,
  options: {
    json?: unknown;
    rawBody?: string;
    cookie?: string;
    origin?: string;
    address?: string;
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
  const env = options.address
    ? { incoming: { socket: { remoteAddress: options.address, remotePort: 40000, remoteFamily: 'IPv4' } } }
    : undefined;
  const response =
    typeof target === 'string'
      ? await fetch(`${target}${path}`, init)
      : await target.request(`http://localhost${path}`, init, env);
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
/** Signs a new person up and returns their user id, email and session token. */
export async function signUp(target: Fetchable | string, name = 'Alex') {
  people++;
  const email = `${name.toLowerCase()}${people}.${Date.now().toString(36)}@example.test`;
  const reply = await call(target, 'POST', '/api/auth/signup', {
    json: { email, password: PASSWORD, name },
  });
  if (reply.status !== 201) throw new Error(`signup failed: ${reply.status} ${reply.text}`);
  const cookie = sessionFrom(reply);
  if (!cookie) throw new Error('signup set no session cookie');
  return { id: (reply.body as { user: { id: string } }).user.id, email, cookie, name };
}
export type SignedUp = Awaited<ReturnType<typeof signUp>>;

/** Logs an existing person in again (a second device) and returns the new session token. */
export async function logIn(target: Fetchable | string, email: string, password = PASSWORD): Promise<string> {
  const reply = await call(target, 'POST', '/api/auth/login', { json: { email, password } });
  const cookie = sessionFrom(reply);
  if (reply.status !== 200 || !cookie) throw new Error(`login failed: ${reply.status} ${reply.text}`);
  return cookie;
}

/** Creates a space as the holder of `cookie` and returns its id. */
export async function createSpace(target: Fetchable | string, cookie: string, name = 'Alex & Sam') {
  const reply = await call(target, 'POST', '/api/spaces', { cookie, json: { name } });
  if (reply.status !== 201) throw new Error(`create space failed: ${reply.status} ${reply.text}`);
  return (reply.body as { space: { id: string } }).space.id;
}

/** Asks for an invite to a space; returns the reply and the code (empty when refused). */
export async function createInvite(target: Fetchable | string, cookie: string, spaceId: string) {
  const reply = await call(target, 'POST', `/api/spaces/${spaceId}/invites`, { cookie });
  return { reply, code: (reply.body as { invite?: { code: string } }).invite?.code ?? '' };
}

/** Accepts an invite as the holder of `cookie`. */
export function acceptInvite(target: Fetchable | string, cookie: string, code: string) {
  return call(target, 'POST', `/api/invites/${code}/accept`, { cookie });
}

/** Alex creates a space and Sam joins it through an invite; returns both and the space id. */
export async function pairUp(target: Fetchable | string) {
  const alex = await signUp(target, 'Alex');
  const sam = await signUp(target, 'Sam');
  const spaceId = await createSpace(target, alex.cookie);
  const { code } = await createInvite(target, alex.cookie, spaceId);
  const accepted = await acceptInvite(target, sam.cookie, code);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
  return { alex, sam, spaceId };
}

/** Asserts the error shape every HTTP failure has, with this code and nothing else in the body. */
export function expectErrorCode(reply: { body: unknown }, code: string): void {
  expect(reply.body).toEqual({ error: { code, message: expect.any(String) } });
  expect((reply.body as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
}

/** Asserts a refusal: this status, and the error shape with this code. */
export function expectError(reply: Reply, status: number, code: string): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  expectErrorCode(reply, code);
}
