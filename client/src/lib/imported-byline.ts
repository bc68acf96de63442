import type { ImportedMark } from '@twofold/shared';

/**
 * The line an imported boundary or goal carries: "Written by Sam, imported" (the export's name
 * when the writer is not a member here), "Written by you, imported" for one's own. Null for
 * anything written here. `nameOf` names a member id as a sentence would ("you", "Sam").
 */
export function importedByline(
  entity: { createdBy: string; imported: ImportedMark | null },
  nameOf: (userId: string) => string,
): string | null {
  if (!entity.imported) return null;
  return `Written by ${entity.imported.writtenByName ?? nameOf(entity.createdBy)}, imported`;
}
