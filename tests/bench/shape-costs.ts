// Run in a process of its own (by attacks.ts, or alone: node --import tsx tests/bench/shape-costs.ts):
// the CPU cost per struct or delete range of each crafted update shape of issue 14, applied to a
// document holding what it attacks, and the cost of loading the resulting document again from
// its snapshot and from its log rows. Prints one JSON line; microseconds per unit, medians of 3.
import * as Y from 'yjs';
import {
  formattingMarks,
  manyMapKeys,
  nestedTypes,
  prependedText,
  scatteredDeletes,
  xmlAttributes,
} from '../helpers/crafted-updates.ts';

interface Shape {
  name: string;
  /** Updates already stored (the document the attack builds on). */
  base: Uint8Array[];
  attack: Uint8Array;
  /** Structs plus delete ranges in `attack`. */
  units: number;
}

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function units(update: Uint8Array): number {
  const { structs, ds } = Y.decodeUpdate(update);
  let ranges = 0;
  for (const list of ds.clients.values()) ranges += list.length;
  return structs.length + ranges;
}

function textItems(clientId: number, count: number): Uint8Array {
  // `count` one-character items (typed with the cursor moving, so none merge).
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const text = doc.getText('attack');
  doc.transact(() => {
    for (let i = 0; i < count; i++) text.insert(0, 'x');
  });
  return Y.encodeStateAsUpdate(doc);
}

function shapes(n: number): Shape[] {
  const list: Omit<Shape, 'units'>[] = [
    {
      name: `n² right-origin walk (${n} items over ${n})`,
      base: [prependedText(1000, n)],
      attack: prependedText(1001, n),
    },
    { name: `distinct map keys (${n})`, base: [], attack: manyMapKeys(2000, n) },
    {
      name: `delete set over ${n * 2} items (${n} ranges)`,
      base: [textItems(424242, n * 2)],
      attack: scatteredDeletes(424242, n),
    },
    { name: `nested types (${n} maps in an array)`, base: [], attack: nestedTypes(3000, n) },
    { name: `XML attributes (${n} on one element)`, base: [], attack: xmlAttributes(4000, n) },
    { name: `formatting marks (${n} over ${n} characters)`, base: [], attack: formattingMarks(5000, n) },
  ];
  return list.map((shape) => ({ ...shape, units: units(shape.attack) }));
}

function measure(shape: Shape) {
  const apply: number[] = [];
  const snapshot: number[] = [];
  const rows: number[] = [];
  for (let run = 0; run < 3; run++) {
    const doc = new Y.Doc();
    for (const update of shape.base) Y.applyUpdate(doc, update);
    let started = cpu();
    Y.applyUpdate(doc, shape.attack);
    apply.push(cpu() - started);

    const stored = Y.encodeStateAsUpdate(doc);
    started = cpu();
    Y.applyUpdate(new Y.Doc(), stored);
    snapshot.push(cpu() - started);

    const fresh = new Y.Doc();
    started = cpu();
    fresh.transact(() => {
      for (const update of [...shape.base, shape.attack]) Y.applyUpdate(fresh, update);
    });
    rows.push(cpu() - started);
  }
  const total = shape.units + shape.base.reduce((sum, update) => sum + units(update), 0);
  return {
    name: shape.name,
    units: shape.units,
    applyMs: median(apply),
    applyUsPerUnit: (median(apply) * 1000) / shape.units,
    snapshotLoadUsPerUnit: (median(snapshot) * 1000) / total,
    rowsLoadUsPerUnit: (median(rows) * 1000) / total,
  };
}

const n = Number(process.argv[2] ?? 4000);
for (const shape of shapes(500)) measure(shape); // warm up
console.log(JSON.stringify(shapes(n).map(measure)));
