import { importPersonMatcher, type Member } from '@twofold/shared';

/**
 * Who wrote an imported letter, among this space's members: the same account (the export's
 * author id), else the one member whose name is the same, else nobody here. A letter whose
 * author is not a member is kept under the importer (the only person the server can vouch for)
 * with the export's name beside it, so it reads "written by Sam, imported", never "You". The
 * rule itself is shared with boundaries and goals (`importPersonMatcher`).
 */
export function letterAuthorMatcher(members: readonly Member[], importerId: string) {
  const personOf = importPersonMatcher(members, importerId);
  return (letter: { authorId: string; authorName: string }) =>
    personOf({ id: letter.authorId, name: letter.authorName });
}
