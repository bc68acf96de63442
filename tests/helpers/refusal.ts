import { AppError } from '../../server/src/http/errors.ts';

/**
 * Runs a server rule that must refuse and gives back its `[status, code]`; throws when the
 * rule lets it through or throws anything but an `AppError`.
 */
export function refusal(run: () => unknown): [number, string] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return [error.status, error.code];
    throw error;
  }
  throw new Error('expected a refusal');
}
