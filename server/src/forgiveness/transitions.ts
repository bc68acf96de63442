import { BreachState } from '@twofold/shared';

/** Why a change of a breach's state was refused, or null when it may be recorded. */
export type TransitionRefusal = 'not-the-hurt-partner' | 'unchanged' | null;

/**
 * The one rule of forgiveness here: where a breach stands belongs to the hurt partner alone.
 * They may move it in any direction at any time ("forgiven" and back to "hurting" if it comes
 * back); nobody else may move it at all. Setting the state it already has records nothing.
 */
export function checkTransition(
  breach: { hurtUserId: string },
  current: BreachState,
  next: BreachState,
  actorId: string,
): TransitionRefusal {
  if (actorId !== breach.hurtUserId) return 'not-the-hurt-partner';
  if (current === next) return 'unchanged';
  return null;
}

/**
 * The current state from the ledger of changes (oldest first). Only changes made by the hurt
 * partner count, so a row written any other way could never move it; "hurting" until they say.
 */
export function currentState(
  breach: { hurtUserId: string },
  history: readonly { state: string; by: string }[],
): BreachState {
  const known = new Set<string>(Object.values(BreachState));
  let state: BreachState = BreachState.hurting;
  for (const change of history) {
    if (change.by === breach.hurtUserId && known.has(change.state)) state = change.state as BreachState;
  }
  return state;
}
