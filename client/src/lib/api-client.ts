import type { AppType } from '@twofold/server';
import { hc } from 'hono/client';

/**
 * The one typed client for the Twofold API. Same origin, so the HttpOnly session cookie rides
 * along by itself; routes and payload types come from the server's `AppType`.
 */
export const api = hc<AppType>('/');
