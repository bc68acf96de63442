import * as Y from 'yjs';
import { cpuMs } from './cpu-time.ts';

/**
 * A deadline on applying Yjs updates, so a crafted update cannot hold the thread (issue 14;
 * yjs/yjs#687). Yjs integrates one struct at a time through `Y.Item.prototype.integrate` and
 * deletes one through `Y.Item.prototype.delete`; both are wrapped here, once, and every
 * `CHECK_EVERY`th call compares the clock with the deadline of the apply in progress and throws
 * `ApplyTooSlow` past it. Outside `runWithin` the deadline is Infinity and the wrappers only
 * count down and compare two numbers.
 *
 * Importing this module installs the wrappers (once, marked with a symbol so a second copy of
 * the module does not wrap twice): the one side effect outside main.ts, kept here so that no
 * room can apply an update before the deadline exists.
 *
 * Cost: a decrement per struct and one `performance.now()` (about 45 ns) every fourth; honest
 * updates spend microseconds per struct (`pnpm bench`, "apply deadline wrapper").
 *
 * A thrown apply leaves the document half-applied: the caller must drop it and load it again
 * from the log (which never received the update). Integration of one struct is not
 * interruptible, so an apply can overrun its deadline by at most `CHECK_EVERY` structs'
 * conflict walks (a quarter of a millisecond each in the dearest walk a 4,000-struct update
 * can make, tests/bench/shape-costs.ts).
 */
export class ApplyTooSlow extends Error {
  constructor(readonly budgetMs: number) {
    super(`applying the update took longer than ${budgetMs.toFixed(0)} ms`);
  }
}

/** The clocks are looked at on every this many structs integrated or deleted. */
const CHECK_EVERY = 4;
let countdown = CHECK_EVERY;
/** Wall-clock time (performance.now) at which to look at the CPU clock next; Infinity when idle. */
let nextLook = Number.POSITIVE_INFINITY;
let cpuStart = 0;
let budget = 0;
/** How often, in wall-clock ms, the CPU clock is read once the budget could have been spent. */
const LOOK_EVERY_MS = 2;

function check() {
  if (--countdown > 0) return;
  countdown = CHECK_EVERY;
  // The cheap clock first: CPU time cannot pass the budget before wall time has.
  if (performance.now() < nextLook) return;
  if (cpuMs() - cpuStart <= budget) {
    nextLook = performance.now() + LOOK_EVERY_MS;
    return;
  }
  // Throw once: the rest of this apply (its cleanup, the caller's reload) must not throw again.
  nextLook = Number.POSITIVE_INFINITY;
  throw new ApplyTooSlow(budget);
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
 * Runs `work` (which applies updates, to any documents) and returns the CPU time it took in
 * milliseconds (see cpu-time.ts). Throws `ApplyTooSlow` once it has used more than `budgetMs`
 * of CPU time (looked at every 2 ms of wall time past the budget); whatever it was applying
 * to is then half-applied and must be discarded. Not reentrant: Yjs never applies one update
 * inside another, and neither does the room.
 */
export function runWithin(budgetMs: number, work: () => void): number {
  cpuStart = cpuMs();
  budget = budgetMs;
  countdown = CHECK_EVERY;
  nextLook = performance.now() + budgetMs;
  try {
    work();
  } finally {
    nextLook = Number.POSITIVE_INFINITY;
  }
  return cpuMs() - cpuStart;
}

/**
 * Applies `update` to `doc` (as `Y.applyUpdate(doc, update, origin)`) within `budgetMs` of CPU
 * time, as `runWithin`: returns the CPU ms it took, throws `ApplyTooSlow` past the budget.
 */
export function applyWithin(doc: Y.Doc, update: Uint8Array, origin: unknown, budgetMs: number): number {
  return runWithin(budgetMs, () => Y.applyUpdate(doc, update, origin));
}
