import * as z from 'zod';
import type { Member } from '../schemas/spaces.ts';

/**
 * Set on an entity brought in from an export (a boundary, a goal): who brought it in and when,
 * and the export's name for a writer who is not a member here (then `createdBy` is the
 * importer, the only person the notary can vouch for). The same shape a letter's `imported` has.
 */
export const importedMarkSchema = z.object({
  by: z.string().max(64),
  at: z.number(),
  writtenByName: z.string().max(200).nullable(),
});
export type ImportedMark = z.infer<typeof importedMarkSchema>;

/** Reads a stored mark; anything malformed reads as "not imported" rather than breaking the entry. */
export function readImportedMark(value: unknown): ImportedMark | null {
  const parsed = importedMarkSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Who wrote and last changed an imported entity, and when, as the export records it. */
export interface ImportCredit {
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
  mark: ImportedMark;
}

const comparable = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Who an export's person is among this space's members: the same account (the export's id),
 * else the one member whose name is the same ("Sam (former member)" names Sam all the same),
 * else nobody here, and then the importer stands in (`member: false`). Letters, boundaries and
 * goals all credit their writers through this one rule.
 */
export function importPersonMatcher(members: readonly Member[], importerId: string) {
  const byId = new Map(members.map((m) => [m.id, m]));
  return (person: { id: string; name: string }): { id: string; member: boolean } => {
    const same = byId.get(person.id);
    if (same) return { id: same.id, member: true };
    const name = comparable(person.name.replace(/\s*\(former member\)$/, ''));
    const named = members.filter((m) => comparable(m.name) === name);
    if (named.length === 1 && named[0]) return { id: named[0].id, member: true };
    return { id: importerId, member: false };
  };
}
