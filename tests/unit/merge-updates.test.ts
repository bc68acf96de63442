import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeUpdatesInRounds } from '../../server/src/store/merge-updates.ts';

/** `count` updates from two writers taking turns: inserts anywhere, some deletions, a map. */
function turns(count: number): { updates: Uint8Array[]; doc: Y.Doc } {
  const writers = [new Y.Doc(), new Y.Doc()] as const;
  const updates: Uint8Array[] = [];
  // Each writer's own edits go into the log and straight to the other writer.
  writers.forEach((writer, i) =>
    writer.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'partner') return;
      updates.push(update);
      Y.applyUpdate(writers[1 - i]!, update, 'partner');
    }),
  );
  for (let i = 0; i < count; i++) {
    const writer = writers[i % 2]!;
    const text = writer.getText('letter');
    writer.transact(() => {
      text.insert((i * 7919) % (text.length + 1), i % 5 === 0 ? 'a line. ' : 'w');
      if (i % 3 === 0 && text.length > 4) text.delete((i * 31) % (text.length - 2), 2);
      if (i % 10 === 0) writer.getMap('goals').set(`goal-${i % 7}`, i);
    });
  }
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return { updates, doc };
}

describe('mergeUpdatesInRounds', () => {
  it.each([0, 1, 63, 64, 65, 700, 3000])('gives the bytes Y.mergeUpdates gives, for %i updates', (count) => {
    const { updates, doc } = turns(count);
    const merged = mergeUpdatesInRounds(updates);
    expect(Buffer.from(merged).equals(Buffer.from(Y.mergeUpdates(updates)))).toBe(true);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, merged);
    expect(rebuilt.getText('letter').toString()).toBe(doc.getText('letter').toString());
    expect(rebuilt.getMap('goals').toJSON()).toEqual(doc.getMap('goals').toJSON());
  });
});
