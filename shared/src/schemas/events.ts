import * as z from 'zod/mini';

// zod/mini: on the phone's first screen (see errors.ts).

/**
 * What the server tells a space's open clients over `GET /api/spaces/:spaceId/events`
 * (server-sent events). Each says only *that* something changed; clients refetch what they may
 * see through the normal routes, so an event can never leak content.
 */
export const spaceEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('members') }),
  z.object({ type: z.literal('attestations'), subjectType: z.string(), subjectId: z.string() }),
  z.object({ type: z.literal('letters') }),
  z.object({ type: z.literal('checkins') }),
  z.object({ type: z.literal('promises') }),
  z.object({ type: z.literal('appreciations') }),
  z.object({ type: z.literal('repairs') }),
  z.object({ type: z.literal('breaches') }),
  z.object({ type: z.literal('reassurance') }),
]);
export type SpaceEvent = z.infer<typeof spaceEventSchema>;

/** Reads one event's data; null for anything this client version does not understand. */
export function readSpaceEvent(data: string): SpaceEvent | null {
  try {
    const parsed = spaceEventSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
