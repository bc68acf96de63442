import type { Space } from '@twofold/shared';
import type { SpaceRow } from '../store/spaces.ts';
import type { Stores } from '../store/stores.ts';

/** A space as the API shows it: id, name, its members' ids and names, and who has left. */
export async function spaceView(stores: Stores, space: SpaceRow): Promise<Space> {
  const formerMembers = (await stores.departures.of(space.id)).map((departure) => ({
    id: departure.userId,
    name: departure.name,
    leftAt: departure.leftAt,
  }));
  return { id: space.id, name: space.name, members: await stores.spaces.members(space.id), formerMembers };
}
