import type { Space } from '@twofold/shared';
import type { SpaceRow } from '../store/spaces.ts';
import type { Stores } from '../store/stores.ts';

/** A space as the API shows it: id, name and its members' ids and names. */
export function spaceView(stores: Stores, space: SpaceRow): Space {
  return { id: space.id, name: space.name, members: stores.spaces.members(space.id) };
}
