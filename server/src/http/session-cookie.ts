import { SESSION_COOKIE } from '@twofold/shared';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:';

/** The session cookie: HttpOnly, SameSite=Lax, Secure whenever the app is served over https. */
export function setSessionCookie(c: Context, token: string, expiresAt: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
}
