import { zValidator } from '@hono/zod-validator';
import { ErrorCode } from '@twofold/shared';
import type { ValidationTargets } from 'hono';
import type { $ZodType } from 'zod/v4/core';
import { AppError } from '../errors.ts';

/**
 * `zValidator` with Twofold's error shape: a failure throws `400 invalid_input` naming the
 * first problem, so forms can show it as it is. Takes classic and `zod/mini` schemas alike (both
 * are zod v4 core types); the messages are English on either, as the server imports classic zod,
 * which configures its English locale for both.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends $ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new AppError(400, ErrorCode.invalidInput, `${where}${issue?.message ?? 'Invalid input.'}`);
    }
  });
}
