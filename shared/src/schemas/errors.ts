import * as z from 'zod/mini';

// zod/mini (the same zod, functions instead of methods, so it tree-shakes): these schemas are on
// the phone's first screen (errors, who is signed in, presence), and classic zod's 91 KB minified
// would load with them (issue 20). Other schemas may use classic zod; the two compose.

/** Every machine-readable error code an HTTP route can answer with. */
export const ErrorCode = {
  invalidInput: 'invalid_input',
  malformedJson: 'malformed_json',
  weakPassword: 'weak_password',
  emailTaken: 'email_taken',
  invalidCredentials: 'invalid_credentials',
  unauthenticated: 'unauthenticated',
  forbiddenOrigin: 'forbidden_origin',
  notFound: 'not_found',
  /** The address exists, but not for this method (a HEAD of what only a GET may spend). */
  methodNotAllowed: 'method_not_allowed',
  inviteGone: 'invite_gone',
  spaceFull: 'space_full',
  notYours: 'not_yours',
  conflict: 'conflict',
  letterImmutable: 'letter_immutable',
  rateLimited: 'rate_limited',
  payloadTooLarge: 'payload_too_large',
  internal: 'internal_error',
  /** A reset or verification link that was used already, replaced, or has expired. */
  linkGone: 'link_gone',
  /** The server has no way to send email (no SMTP_URL). */
  emailNotSetUp: 'email_not_set_up',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
