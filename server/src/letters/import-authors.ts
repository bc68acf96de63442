import type { Member } from '@twofold/shared';

const comparable = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Who wrote an imported letter, among this space's members: the same account (the export's
 * author id), else the one member whose name is the same, else nobody here. A letter whose
 * author is not a member is kept under the importer (the only person the server can vouch for)
 * with the export's name beside it, so it reads "written by Sam, imported", never "You".
 */
export function letterAuthorMatcher(members: readonly Member[], importerId: string) {
  const byId = new Map(members.map((m) => [m.id, m]));
  return (letter: { authorId: string; authorName: string }): { id: string; member: boolean } => {
    const same = byId.get(letter.authorId);
    if (same) return { id: same.id, member: true };
    // "Sam (former member)" in an export made after Sam left names Sam all the same.
    const name = comparable(letter.authorName.replace(/\s*\(former member\)$/, ''));
    const named = members.filter((m) => comparable(m.name) === name);
    if (named.length === 1 && named[0]) return { id: named[0].id, member: true };
    return { id: importerId, member: false };
  };
}
