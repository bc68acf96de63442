import type { BreachView } from '@twofold/shared';
import type { BreachLinkRow, BreachRow, BreachStateRow } from '../store/breaches.ts';
import { currentState } from './transitions.ts';

/** Every breach of a space with its state, its history and what was attached, newest first. */
export function breachViews(
  breaches: readonly BreachRow[],
  states: readonly BreachStateRow[],
  links: readonly BreachLinkRow[],
): BreachView[] {
  return breaches.map((breach) => {
    const history = states
      .filter((row) => row.breachId === breach.id && row.by === breach.hurtUserId)
      .map(({ state, by, at }) => ({ state, by, at }));
    return {
      id: breach.id,
      description: breach.description,
      hurtUserId: breach.hurtUserId,
      namedBy: breach.namedBy,
      namedAt: breach.namedAt,
      state: currentState(breach, history),
      history,
      links: links
        .filter((row) => row.breachId === breach.id)
        .map(({ kind, refId, addedBy, addedAt }) => ({ kind, refId, addedBy, addedAt })),
    };
  });
}
