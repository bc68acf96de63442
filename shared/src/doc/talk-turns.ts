/**
 * Speaker and listener: who holds the floor in a talk, and what happens next. Pure, so both
 * screens (and the tests) agree on every step. One partner speaks; the other writes back what
 * they heard; the speaker confirms ("yes, that's it") or adds to it; once confirmed, they swap.
 */

export const TurnPhase = {
  /** The speaker has the floor; the listener listens. */
  speaking: 'speaking',
  /** The listener writes back "what I heard you say is…". */
  reflecting: 'reflecting',
  /** The speaker reads it and confirms, or adds to it. */
  confirming: 'confirming',
} as const;
export type TurnPhase = (typeof TurnPhase)[keyof typeof TurnPhase];

export interface TurnState {
  speakerId: string;
  listenerId: string;
  phase: TurnPhase;
  /** 1 for the first speaker's turn, counting up with each swap. */
  round: number;
}

export const TurnEventType = {
  /** The speaker has said what they wanted to say for now. */
  doneSpeaking: 'done-speaking',
  /** The listener shares what they heard. */
  shareReflection: 'share-reflection',
  /** The speaker: "yes, that's it". The floor passes to the other partner. */
  confirm: 'confirm',
  /** The speaker would add to it: the floor stays with them, and the listener reflects again. */
  addMore: 'add-more',
} as const;
export type TurnEventType = (typeof TurnEventType)[keyof typeof TurnEventType];

export interface TurnEvent {
  type: TurnEventType;
  /** The member acting. */
  by: string;
}

export type TurnResult = { ok: true; state: TurnState } | { ok: false; reason: string };

/** The first turn of a talk: whoever starts it speaks first unless they choose otherwise. */
export function firstTurn(speakerId: string, listenerId: string): TurnState {
  return { speakerId, listenerId, phase: TurnPhase.speaking, round: 1 };
}

/** Who may send `type` in `phase`, and the phase it leads to (a confirm also swaps). */
const MOVES: Record<TurnEventType, { from: TurnPhase; actor: 'speaker' | 'listener'; to: TurnPhase }> = {
  [TurnEventType.doneSpeaking]: { from: TurnPhase.speaking, actor: 'speaker', to: TurnPhase.reflecting },
  [TurnEventType.shareReflection]: {
    from: TurnPhase.reflecting,
    actor: 'listener',
    to: TurnPhase.confirming,
  },
  [TurnEventType.confirm]: { from: TurnPhase.confirming, actor: 'speaker', to: TurnPhase.speaking },
  [TurnEventType.addMore]: { from: TurnPhase.confirming, actor: 'speaker', to: TurnPhase.speaking },
};

/**
 * The turn after `event`, or why it cannot happen now (the wrong person, or the wrong moment).
 * A refusal changes nothing; a partner's button pressed a moment late is simply not applied.
 */
export function nextTurn(state: TurnState, event: TurnEvent): TurnResult {
  const move = MOVES[event.type];
  if (state.phase !== move.from) return { ok: false, reason: `not while ${state.phase}` };
  const actorId = move.actor === 'speaker' ? state.speakerId : state.listenerId;
  if (event.by !== actorId) return { ok: false, reason: `only the ${move.actor} can do that now` };
  if (event.type === TurnEventType.confirm) {
    return {
      ok: true,
      state: {
        speakerId: state.listenerId,
        listenerId: state.speakerId,
        phase: TurnPhase.speaking,
        round: state.round + 1,
      },
    };
  }
  return { ok: true, state: { ...state, phase: move.to } };
}

/** What `userId` may do in this turn (none for someone who is neither partner). */
export function turnActionsFor(state: TurnState, userId: string): TurnEventType[] {
  return (Object.keys(MOVES) as TurnEventType[]).filter((type) => nextTurn(state, { type, by: userId }).ok);
}
