import { ErrorCode, type ErrorBody } from '@twofold/shared';
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../lib/log.ts';

/** A request-level failure with a machine-readable code; `onError` turns it into the shape. */
export class AppError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(status, { message });
  }
}

export const notFound = (message = 'Nothing here.') => new AppError(404, ErrorCode.notFound, message);

function body(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

function codeForStatus(status: number): ErrorCode {
  if (status === 413) return ErrorCode.payloadTooLarge;
  if (status === 401) return ErrorCode.unauthenticated;
  if (status === 404) return ErrorCode.notFound;
  return ErrorCode.invalidInput;
}

/** Maps every failure to `{ error: { code, message } }`; unknown errors are logged, never shown. */
export function errorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof AppError) return c.json(body(error.code, error.message), error.status);
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      const code = /malformed json/i.test(error.message) ? ErrorCode.malformedJson : codeForStatus(status);
      return c.json(body(code, error.message || 'The request could not be handled.'), status);
    }
    logger.error('unhandled_error', { path: c.req.path, message: String(error) });
    return c.json(body(ErrorCode.internal, 'Something went wrong on our side. Nothing was lost.'), 500);
  };
}

export const notFoundHandler: NotFoundHandler = (c) => c.json(body(ErrorCode.notFound, 'Nothing here.'), 404);
