import type { ImportedMark, Space } from '@twofold/shared';

/**
 * Names for the ids an entity records, as the app would say them: a member's name, a former
 * member's name marked as such, or "A former member" for an id nobody remembers.
 */
export function exportNamer(space: Space): (id: string) => string {
  const names = new Map(space.members.map((m) => [m.id, m.name]));
  for (const m of space.formerMembers) if (!names.has(m.id)) names.set(m.id, `${m.name} (former member)`);
  return (id) => names.get(id) ?? 'A former member';
}

/**
 * Who wrote an entity, by name: the writer an earlier import named (someone who was never a
 * member here) before the member it was kept under, so a second import still credits them.
 */
export function writerName(
  nameOf: (id: string) => string,
  entity: { createdBy: string; imported: ImportedMark | null },
): string {
  return entity.imported?.writtenByName ?? nameOf(entity.createdBy);
}
