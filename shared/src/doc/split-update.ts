import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** What an item holds: text, a list of values, a nested type, … */
type Content = Y.Item['content'];

interface Section {
  client: number;
  clock: number;
  /** The clock just past the last struct written to this section. */
  next: number;
  count: number;
  body: Y.UpdateEncoderV1;
}

/**
 * Where to cut the content of a long item so that each piece stays under about `maxBytes`:
 * piece boundaries as offsets into it, or null to keep it whole. Text is cut by characters
 * (never inside a surrogate pair, which Yjs would mangle), a list of values by entries.
 */
function cutsOf(content: Content, maxBytes: number): number[] | null {
  if (content instanceof Y.ContentString) {
    // A UTF-16 unit is at most 3 bytes in UTF-8.
    const step = Math.max(1, Math.floor(maxBytes / 3));
    if (content.str.length <= step) return null;
    const cuts: number[] = [];
    for (let at = step; at < content.str.length; at += step) {
      const code = content.str.charCodeAt(at - 1);
      cuts.push(code >= 0xd800 && code <= 0xdbff ? at - 1 : at);
    }
    return cuts;
  }
  if (content instanceof Y.ContentAny && content.arr.length > 1) {
    const bytes = JSON.stringify(content.arr).length;
    if (bytes <= maxBytes) return null;
    const step = Math.max(1, Math.floor((content.arr.length * maxBytes) / bytes));
    const cuts: number[] = [];
    for (let at = step; at < content.arr.length; at += step) cuts.push(at);
    return cuts;
  }
  return null;
}

function slice(content: Content, start: number, end: number): Content {
  if (content instanceof Y.ContentString) return new Y.ContentString(content.str.slice(start, end));
  return new Y.ContentAny((content as Y.ContentAny).arr.slice(start, end));
}

/**
 * `struct` as pieces of about `maxBytes` each when it is one long item (what a long paste, much
 * typing in one paragraph, or a long list becomes): each piece is the item Yjs itself would
 * split off, its origin the end of the piece before and its right origin the item's own.
 * Anything else stays whole.
 */
function pieces(struct: Y.Item | Y.GC | Y.Skip, maxBytes: number): Array<Y.Item | Y.GC | Y.Skip> {
  const cuts = struct instanceof Y.Item ? cutsOf(struct.content, maxBytes) : null;
  if (!cuts || !(struct instanceof Y.Item)) return [struct];
  const { client, clock } = struct.id;
  const bounds = [0, ...cuts, struct.length];
  return bounds.slice(1).map((end, i) => {
    const start = bounds[i] ?? 0;
    return new Y.Item(
      Y.createID(client, clock + start),
      null,
      start === 0 ? struct.origin : Y.createID(client, clock + start - 1),
      null,
      struct.rightOrigin,
      struct.parent,
      struct.parentSub,
      slice(struct.content, start, end),
    );
  });
}

/** At most this many structs in one part: what the server accepts in one update is twice it. */
export const SPLIT_PART_STRUCTS = 2_000;

type Struct = Y.Item | Y.GC | Y.Skip;

/**
 * The structs of an update, each client's in clock order, arranged so that every struct comes
 * after whatever it builds on from the same update (its origin, right origin and parent): the
 * order a receiver can apply the parts in without holding any back. The decoded order is by
 * client id alone, so a device that wrote offline across two page loads (two client ids, the
 * second building on the first) would otherwise send a part that refers to a later one.
 */
function dependencyOrder(structs: Struct[]): Struct[] {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  if (byClient.size < 2) return structs;
  // Per client: the first clock the update holds, and the clock up to which it is emitted.
  const first = new Map<number, number>();
  const emitted = new Map<number, number>();
  for (const [client, list] of byClient) {
    first.set(client, list[0]!.id.clock);
    emitted.set(client, list[0]!.id.clock);
  }
  // An id outside the update (before its first clock, or of a client it lacks) the receiver has.
  const ready = (id: Y.ID | null) =>
    !id || !first.has(id.client) || id.clock < first.get(id.client)! || id.clock < emitted.get(id.client)!;
  const ordered: Struct[] = [];
  const cursor = new Map<number, number>([...byClient.keys()].map((client) => [client, 0]));
  while (ordered.length < structs.length) {
    let progressed = false;
    for (const [client, list] of byClient) {
      let at = cursor.get(client)!;
      while (at < list.length) {
        const struct = list[at]!;
        if (
          struct instanceof Y.Item &&
          !(
            ready(struct.origin) &&
            ready(struct.rightOrigin) &&
            ready(struct.parent instanceof Y.ID ? struct.parent : null)
          )
        )
          break;
        ordered.push(struct);
        emitted.set(client, struct.id.clock + struct.length);
        at++;
        progressed = true;
      }
      cursor.set(client, at);
    }
    // Causality rules out a cycle; should a crafted update have one, keep the decoded order.
    if (!progressed) return structs;
  }
  return ordered;
}

/**
 * Splits one Yjs update (v1) into several that together say the same thing, each about
 * `targetBytes` or less and of at most `maxStructs` structs: structs are grouped into runs of
 * each client's consecutive clocks, in an order where each comes after what it builds on (see
 * `dependencyOrder`), a long text or list item cut into pieces as Yjs would split it; the
 * delete set follows alone, last. Other large structs (one huge value) stay whole, so a part
 * can still exceed the target.
 *
 * Applying the parts in any order gives the same document as the original (Yjs holds a
 * struct whose origin has not arrived yet until it does); sent in order, none is held back,
 * which is what the server requires (it refuses an update that would leave anything pending).
 */
export function splitUpdate(
  update: Uint8Array,
  targetBytes: number,
  maxStructs: number = SPLIT_PART_STRUCTS,
): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let sections: Section[] = [];
  let size = 0;
  let count = 0;
  let current: Section | null = null;

  const flush = () => {
    if (sections.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, sections.length);
    for (const section of sections) {
      encoding.writeVarUint(encoder, section.count);
      encoding.writeVarUint(encoder, section.client);
      encoding.writeVarUint(encoder, section.clock);
      encoding.writeUint8Array(encoder, section.body.toUint8Array());
    }
    encoding.writeVarUint(encoder, 0); // an empty delete set: it travels in the last part
    parts.push(encoding.toUint8Array(encoder));
    sections = [];
    size = 0;
    count = 0;
    current = null;
  };

  const structs = Y.decodeUpdate(update).structs.flatMap((whole) => pieces(whole, targetBytes));
  for (const struct of dependencyOrder(structs)) {
    const { client, clock } = struct.id;
    if (!current || current.client !== client || current.next !== clock) {
      // Yjs reads one section per client in an update: a client met again starts a new part.
      if (sections.some((section) => section.client === client)) flush();
      current = { client, clock, next: clock, count: 0, body: new Y.UpdateEncoderV1() };
      sections.push(current);
    }
    const before = encoding.length(current.body.restEncoder);
    struct.write(current.body, 0);
    current.count++;
    count++;
    current.next = clock + struct.length;
    size += encoding.length(current.body.restEncoder) - before;
    if (size >= targetBytes || count >= maxStructs) flush();
  }
  flush();

  // What the update deletes, with no structs: the diff against everything the update holds.
  const deletions = Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(update));
  if (!isEmptyUpdate(deletions)) parts.push(deletions);
  return parts;
}

/** No structs and no deletions: the two zero counts. */
const isEmptyUpdate = (update: Uint8Array) => update.byteLength === 2 && update[0] === 0 && update[1] === 0;
