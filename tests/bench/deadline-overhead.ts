// Run by attacks.ts in a process of its own: applies one honest update (20,000 edits at random
// places) before the apply deadline's wrapper is installed and after, and prints the medians.
import * as Y from 'yjs';

function honestUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText('letter');
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 20_000; i++) {
    if (random() < 0.8 || text.length === 0) text.insert(Math.floor(random() * (text.length + 1)), 'ab');
    else text.delete(Math.floor(random() * text.length), 1);
  }
  return Y.encodeStateAsUpdate(doc);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
function timeApply(apply: (doc: Y.Doc) => void): number {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const doc = new Y.Doc();
    const start = performance.now();
    apply(doc);
    times.push(performance.now() - start);
  }
  return median(times);
}

const update = honestUpdate();
const plainMs = timeApply((doc) => Y.applyUpdate(doc, update));
const { applyWithin } = await import('../../server/src/sync/apply-deadline.ts');
const wrappedMs = timeApply((doc) => applyWithin(doc, update, null, 60_000));
console.log(JSON.stringify({ plainMs, wrappedMs }));
