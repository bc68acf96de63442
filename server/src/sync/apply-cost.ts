import type { UpdateShape } from './update-check.ts';

/**
 * How long applying an update may take. An honest update costs about linear time in its structs
 * and delete ranges (20,000 edits at random places, 26,000 units, applied in 50–110 ms warm;
 * all times here are CPU time, see cpu-time.ts);
 * crafted updates cost far more than their size (issue 14: conflict resolution grows with n²).
 * So each apply gets what its size explains plus a fixed slack, and a room tracks the excess
 * its accepted updates cost beyond that: the same excess is paid again every time the room is
 * loaded, so it is bounded per room, and what would make a room slow to open is refused.
 */
export const APPLY_COST = {
  /** What any update may cost regardless of size (CPU ms): a transaction, a GC pause. */
  baseMs: 2,
  /**
   * What each struct or delete range explains (CPU ms). Measured (tests/bench/shape-costs.ts,
   * 2 × EPYC, CPU µs per unit applied, warm): map keys 3.6, nested types 2.7, XML attributes
   * 1.6, formatting marks 0.9, delete ranges 0.6; honest typing 2–6. A cold process or a
   * major GC takes up to three times that (114 ms CPU for 9,000 map keys first thing, 30–40
   * warm), so 10 µs: an honest update is never stopped for a slow moment.
   */
  perUnitMs: 0.01,
  /** How far past what its size explains one apply may run before it is stopped (ms). */
  slackMs: 50,
  /**
   * The most any one apply may take, whatever its size (CPU ms of the main thread): what
   * another couple may be kept waiting by one message (issue 14's bound, goal < 100 ms; on a
   * busy machine wall time is more than CPU time). Clients send at most 2,000 structs in one
   * update (about 7 ms warm at the dearest linear shape measured, 22 cold) and the server
   * takes at most 4,000 (update-check.ts); what comes near this is a conflict walk, and it is
   * stopped here. Not lower: with the whole process's CPU counted, a test server's honest
   * 8,000-item update was stopped at 50 ms under load, and 60 ms of the main thread's own
   * failed an honest test with four other test runs on the machine's two cores.
   */
  maxMs: 80,
  /**
   * Excess (beyond size) that a room's stored updates may add to its load time (ms). Not
   * lower: on a busy machine an honest room gathers excess from collector pauses, and once it
   * is spent every update gets only what its size explains. A room whose load cost more than
   * `slackMs` beyond its size writes a snapshot at once (room.ts), and a snapshot loads in
   * linear time even after a conflict walk (1.3 µs a struct, tests/bench/shape-costs.ts).
   */
  roomExcessMs: 250,
} as const;

/** What an update of this shape is expected to cost at most, honestly (ms). */
export function expectedMs(shape: UpdateShape): number {
  return APPLY_COST.baseMs + APPLY_COST.perUnitMs * (shape.structs + shape.deleteRanges);
}

/**
 * The excess of one room: starts at what loading it took beyond its size, grows with every
 * accepted update that took longer than its size explains. A class so each room holds one
 * small object.
 */
export class RoomCost {
  private excess: number;

  constructor(loadMs: number, loadedStructs: number) {
    this.excess = Math.max(0, loadMs - expectedMs({ structs: loadedStructs, deleteRanges: 0 }));
  }

  /** The deadline for applying an update of this shape (ms from the start of the apply). */
  budgetFor(shape: UpdateShape): number {
    const room = Math.max(0, APPLY_COST.roomExcessMs - this.excess);
    return Math.min(APPLY_COST.maxMs, expectedMs(shape) + Math.min(APPLY_COST.slackMs, room));
  }

  /** Records that an accepted update of this shape took `elapsedMs`. */
  record(shape: UpdateShape, elapsedMs: number): void {
    this.excess += Math.max(0, elapsedMs - expectedMs(shape));
  }

  /** Excess so far (ms), for logs and tests. */
  get excessMs(): number {
    return this.excess;
  }
}
