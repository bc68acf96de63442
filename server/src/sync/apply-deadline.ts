import * as Y from 'yjs';

/**
 * A deadline on applying one Yjs update, so a crafted update cannot hold the thread (issue 14;
 * yjs/yjs#687). Yjs integrates one struct at a time through `Y.Item.prototype.integrate` and
 * deletes one through `Y.Item.prototype.delete`; both are wrapped here, once, to compare the
 * clock with the deadline of the apply in progress and throw `ApplyTooSlow` past it. Outside
 * `applyWithin` the deadline is Infinity and the wrappers only compare two numbers.
 *
 * Cost: about 40 ns per struct (one `performance.now()`), measured in `pnpm bench`; honest
 * updates spend microseconds per struct, so the check stays under a few percent.
 *
 * A thrown apply leaves the document half-applied: the caller must drop it and load it again
 * from the log (which never received the update). Integration of one struct is not
 * interruptible, so an apply can overrun its deadline by at most one struct's conflict walk.
 */
export class ApplyTooSlow extends Error {
  constructor(readonly budgetMs: number) {
    super(`applying the update took longer than ${budgetMs.toFixed(0)} ms`);
  }
}

let deadline = Number.POSITIVE_INFINITY;
let budget = 0;

function check() {
  if (performance.now() > deadline) {
    // Throw once: the rest of this apply (its cleanup, the caller's reload) must not throw again.
    deadline = Number.POSITIVE_INFINITY;
    throw new ApplyTooSlow(budget);
  }
}

interface Patchable {
  integrate(this: Y.Item, transaction: Y.Transaction, offset: number): void;
  delete(this: Y.Item, transaction: Y.Transaction): void;
}
const WRAPPED = Symbol.for('twofold.applyDeadline');
const proto = Y.Item.prototype as unknown as Patchable & { [WRAPPED]?: true };
if (!proto[WRAPPED]) {
  proto[WRAPPED] = true;
  const integrate = proto.integrate;
  const remove = proto.delete;
  proto.integrate = function (transaction, offset) {
    check();
    integrate.call(this, transaction, offset);
  };
  proto.delete = function (transaction) {
    check();
    remove.call(this, transaction);
  };
}

/**
 * Applies `update` to `doc` (as `Y.applyUpdate(doc, update, origin)`) and returns how long it
 * took in milliseconds. Throws `ApplyTooSlow` once it has run longer than `budgetMs`; the
 * document is then half-applied and must be discarded. Not reentrant: Yjs never applies one
 * update inside another, and neither does the room.
 */
export function applyWithin(doc: Y.Doc, update: Uint8Array, origin: unknown, budgetMs: number): number {
  const start = performance.now();
  deadline = start + budgetMs;
  budget = budgetMs;
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    deadline = Number.POSITIVE_INFINITY;
  }
  return performance.now() - start;
}
