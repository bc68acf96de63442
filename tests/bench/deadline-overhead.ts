// Run by attacks.ts in a process of its own: applies one honest update (20,000 edits at random
// places) with Yjs's own integrate/delete and with the apply deadline's wrappers, in turns (so
// that a busy machine slows both alike), and prints the medians; then what one read of each
// CPU clock costs (cpu-time.ts).
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
function timeOnce(apply: (doc: Y.Doc) => void): number {
  const doc = new Y.Doc();
  const start = performance.now();
  apply(doc);
  const took = performance.now() - start;
  doc.destroy();
  return took;
}

type Methods = Pick<Y.Item, 'integrate' | 'delete'>;
const proto = Y.Item.prototype as unknown as Methods;
const own: Methods = { integrate: proto.integrate, delete: proto.delete };
const update = honestUpdate();
const { applyWithin } = await import('../../server/src/sync/apply-deadline.ts');
const { cpuClock, cpuMs, processCpuMs } = await import('../../server/src/sync/cpu-time.ts');
const wrapped: Methods = { integrate: proto.integrate, delete: proto.delete };

const plain: number[] = [];
const within: number[] = [];
for (let i = 0; i < 9; i++) {
  Object.assign(proto, own);
  plain.push(timeOnce((doc) => Y.applyUpdate(doc, update)));
  Object.assign(proto, wrapped);
  within.push(timeOnce((doc) => applyWithin(doc, update, null, 60_000)));
}

/** Microseconds per call of `clock`, the median of five rounds of 20,000 calls. */
function perCallUs(clock: () => number): number {
  const rounds: number[] = [];
  let sink = 0;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (let i = 0; i < 20_000; i++) sink += clock();
    rounds.push(((performance.now() - start) * 1000) / 20_000);
  }
  if (sink < 0) console.log(sink);
  return median(rounds);
}

console.log(
  JSON.stringify({
    plainMs: median(plain),
    wrappedMs: median(within),
    clock: cpuClock,
    clockUs: perCallUs(cpuMs),
    processClockUs: perCallUs(processCpuMs),
  }),
);
