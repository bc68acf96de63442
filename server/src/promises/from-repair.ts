import { ErrorCode } from '@twofold/shared';
import { AppError, notFound } from '../http/errors.ts';
import { repairOpen } from '../repairs/visibility.ts';
import type { Stores } from '../store/stores.ts';

/**
 * A promise can be proposed from a repair only once both sides of it are open, which is when
 * its "what we'll do differently next time" can be written at all. Throws `404 not_found` for
 * a repair that is not in this space (as for any missing thing) and `409 conflict` before
 * (as a rejection).
 */
export async function assertMayProposeFrom(stores: Stores, spaceId: string, repairId: string): Promise<void> {
  if (!(await stores.repairs.find(spaceId, repairId))) throw notFound('There is no such repair.');
  if (!repairOpen(await stores.repairs.parts(repairId))) {
    throw new AppError(
      409,
      ErrorCode.conflict,
      'This opens once you have both written your side; then you can propose it together.',
    );
  }
}
