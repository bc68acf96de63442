import { CloseCode } from '@twofold/shared';

const REFUSALS: ReadonlySet<number> = new Set([
  CloseCode.frameTooLarge,
  CloseCode.undecodable,
  CloseCode.tooMuch,
]);

/**
 * The server refused what this connection sent (a frame over the limit, one it could not
 * decode, more than the connection's budget). Reconnecting at once only sends it again.
 */
export const isRefusal = (code: number): boolean => REFUSALS.has(code);

/** The server ended the connection for good (4401 session ended, 4403 membership lost). */
export const isFinalClose = (code: number): boolean => code >= 4400 && code < 4500;
