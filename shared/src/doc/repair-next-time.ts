import type * as Y from 'yjs';
import { fragmentToPlainText } from './rich-text.ts';
import { SharedRoot } from './roots.ts';

/**
 * "What we'll do differently next time" for one repair: rich text both partners write live,
 * bound to TipTap like the us-letter.
 *
 * It is a root fragment of its own, named by the repair's id, rather than an entry in a map:
 * a root is the same type on every client from the start, so two partners who open a newly
 * revealed repair at the same moment both type into one fragment. (A map entry would have to
 * be created by someone, and two clients creating it at once would each make their own; one
 * would win the key and the other's first words would be lost.)
 *
 * The private sides of a repair never come here: they stay on the server until both have
 * written (server/src/repairs/visibility.ts). The client shows this fragment only once the
 * server says both sides are open.
 */
export function repairNextTimeFragment(doc: Y.Doc, repairId: string): Y.XmlFragment {
  return doc.getXmlFragment(`${SharedRoot.repairNextTimePrefix}${repairId}`);
}

/**
 * The plain words of a repair's "next time", or '' when nobody has written it. Reads without
 * creating the root when the document has none under that name yet (the server's export reads
 * a throwaway doc, but a live client's doc should not gain empty roots just by being read).
 */
export function repairNextTimeText(doc: Y.Doc, repairId: string): string {
  if (!doc.share.has(`${SharedRoot.repairNextTimePrefix}${repairId}`)) return '';
  return fragmentToPlainText(repairNextTimeFragment(doc, repairId));
}
