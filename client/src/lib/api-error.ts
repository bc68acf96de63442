import { errorBodySchema } from '@twofold/shared';
import { DetailedError } from 'hono/client';

const OFFLINE_MESSAGE = 'We could not reach Twofold. Check your connection and try again.';

interface ApiErrorInfo {
  /** HTTP status, or null when the request never got an answer (offline, server down). */
  status: number | null;
  /** The server's machine-readable code, when it sent one. */
  code: string | null;
  /** A sentence to show the person: the server's own words when there are some. */
  message: string;
}

/**
 * Reads what went wrong from an error thrown by `parseResponse` (a `DetailedError` carrying
 * the `{error:{code,message}}` body) or by `fetch` itself (no answer at all).
 */
export function apiErrorInfo(error: unknown): ApiErrorInfo {
  if (error instanceof DetailedError) {
    const status = typeof error.statusCode === 'number' ? error.statusCode : null;
    const detail: unknown = error.detail;
    const data = typeof detail === 'object' && detail !== null ? (detail as { data?: unknown }).data : null;
    const body = errorBodySchema.safeParse(data);
    if (body.success) return { status, code: body.data.error.code, message: body.data.error.message };
    if (status !== null && status >= 500) {
      return { status, code: null, message: 'Something went wrong on our side. Please try again.' };
    }
    return { status, code: null, message: 'That did not work. Please try again.' };
  }
  return { status: null, code: null, message: OFFLINE_MESSAGE };
}

/** True when the server answered with this status (as opposed to no answer at all). */
export function hasStatus(error: unknown, status: number): boolean {
  return error instanceof DetailedError && error.statusCode === status;
}

/** True when the request never reached the server: offline, DNS, or the server is down. */
export function isNetworkError(error: unknown): boolean {
  return !(error instanceof DetailedError);
}
