import * as Y from 'yjs';
import {
  firstTurn,
  nextTurn,
  readTalk,
  readTalks,
  endTalk,
  recordTalkAction,
  setAgendaItemState,
  startTalk,
  takeTurn,
  talksMap,
  AgendaItemState,
  AgendaKind,
  TalkActionKind,
  TalkKind,
  TurnEventType,
  TurnPhase,
  turnActionsFor,
  type TurnState,
} from '@twofold/shared';
import { describe, expect, it } from 'vitest';

const ALEX = 'alex';
const SAM = 'sam';

function step(state: TurnState, type: TurnEventType, by: string): TurnState {
  const result = nextTurn(state, { type, by });
  if (!result.ok) throw new Error(result.reason);
  return result.state;
}

describe('speaker and listener', () => {
  it('goes speak, reflect, confirm, then swaps the floor', () => {
    let turn = firstTurn(ALEX, SAM);
    expect(turn).toEqual({ speakerId: ALEX, listenerId: SAM, phase: TurnPhase.speaking, round: 1 });
    turn = step(turn, TurnEventType.doneSpeaking, ALEX);
    expect(turn.phase).toBe(TurnPhase.reflecting);
    turn = step(turn, TurnEventType.shareReflection, SAM);
    expect(turn.phase).toBe(TurnPhase.confirming);
    turn = step(turn, TurnEventType.confirm, ALEX);
    expect(turn).toEqual({ speakerId: SAM, listenerId: ALEX, phase: TurnPhase.speaking, round: 2 });
  });

  it('lets the speaker add to it: the floor stays with them and the listener reflects again', () => {
    let turn = step(
      step(firstTurn(ALEX, SAM), TurnEventType.doneSpeaking, ALEX),
      TurnEventType.shareReflection,
      SAM,
    );
    turn = step(turn, TurnEventType.addMore, ALEX);
    expect(turn).toEqual({ speakerId: ALEX, listenerId: SAM, phase: TurnPhase.speaking, round: 1 });
  });

  it('refuses the wrong person and the wrong moment, changing nothing', () => {
    const turn = firstTurn(ALEX, SAM);
    expect(nextTurn(turn, { type: TurnEventType.doneSpeaking, by: SAM })).toEqual({
      ok: false,
      reason: 'only the speaker can do that now',
    });
    expect(nextTurn(turn, { type: TurnEventType.confirm, by: ALEX }).ok).toBe(false);
    expect(nextTurn(turn, { type: TurnEventType.shareReflection, by: SAM }).ok).toBe(false);
    const reflecting = step(turn, TurnEventType.doneSpeaking, ALEX);
    expect(nextTurn(reflecting, { type: TurnEventType.shareReflection, by: ALEX }).ok).toBe(false);
    expect(nextTurn(reflecting, { type: TurnEventType.shareReflection, by: 'outsider' }).ok).toBe(false);
  });

  it('offers each person only what they may do now', () => {
    const turn = firstTurn(ALEX, SAM);
    expect(turnActionsFor(turn, ALEX)).toEqual([TurnEventType.doneSpeaking]);
    expect(turnActionsFor(turn, SAM)).toEqual([]);
    const confirming = step(step(turn, TurnEventType.doneSpeaking, ALEX), TurnEventType.shareReflection, SAM);
    expect(turnActionsFor(confirming, ALEX)).toEqual([TurnEventType.confirm, TurnEventType.addMore]);
    expect(turnActionsFor(confirming, 'outsider')).toEqual([]);
  });
});

describe('talks in the shared document', () => {
  it('keeps a confirmed turn with what was said and heard, and empties the boxes', () => {
    const doc = new Y.Doc();
    startTalk(doc, {
      id: 't1',
      kind: TalkKind.weekly,
      topic: null,
      agenda: [],
      userId: ALEX,
      partnerId: SAM,
      turnMinutes: 3,
      now: 1,
    });
    const talk = readTalk('t1', talksMap(doc).get('t1'));
    if (!talk.readable) throw new Error(talk.problem);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('you felt alone on Tuesday')]);
    talk.heard.insert(0, [paragraph]);
    expect(takeTurn(doc, 't1', { type: TurnEventType.doneSpeaking, by: ALEX }, 2).ok).toBe(true);
    expect(takeTurn(doc, 't1', { type: TurnEventType.confirm, by: ALEX }, 3).ok).toBe(false);
    expect(takeTurn(doc, 't1', { type: TurnEventType.shareReflection, by: SAM }, 4).ok).toBe(true);
    expect(takeTurn(doc, 't1', { type: TurnEventType.confirm, by: ALEX }, 5).ok).toBe(true);
    const after = readTalk('t1', talksMap(doc).get('t1'));
    if (!after.readable) throw new Error(after.problem);
    expect(after.rounds).toEqual([
      { round: 1, speakerId: ALEX, said: '', heard: 'you felt alone on Tuesday', at: 5 },
    ]);
    expect(after.heard.length).toBe(0);
    expect(after).toMatchObject({
      speakerId: SAM,
      listenerId: ALEX,
      phase: TurnPhase.speaking,
      round: 2,
      phaseSince: 5,
    });
  });

  it('reads whatever a partner wrote without throwing, listing broken talks as unreadable', () => {
    const doc = new Y.Doc();
    talksMap(doc).set('junk', 42);
    const half = new Y.Map<unknown>();
    half.set('id', 'half');
    talksMap(doc).set('half', half);
    startTalk(doc, {
      id: 'good',
      kind: TalkKind.topic,
      topic: '  our  holidays ',
      agenda: [],
      userId: ALEX,
      partnerId: SAM,
      turnMinutes: null,
      now: 9,
    });
    ((talksMap(doc).get('good') as Y.Map<unknown>).get('rounds') as Y.Array<unknown>).push(['not a round']);
    const talks = readTalks(doc);
    expect(talks.map((t) => [t.id, t.readable])).toEqual([
      ['good', true],
      ['half', false],
      ['junk', false],
    ]);
    const good = talks[0];
    expect(good?.readable && good.topic).toBe('our holidays');
    expect(good?.readable && good.unreadableParts).toBe(1);
  });

  it('marks agenda items, records actions against them, and takes no turns once ended', () => {
    const doc = new Y.Doc();
    const item = {
      id: 'appreciation:a1',
      kind: AgendaKind.appreciation,
      by: SAM,
      text: 'tea',
      ref: 'a1',
      order: 'a0000',
    };
    const other = { ...item, id: 'appreciation:a2', ref: 'a2', order: 'a0001' };
    startTalk(doc, {
      id: 't',
      kind: TalkKind.weekly,
      topic: null,
      agenda: [item, other],
      userId: ALEX,
      partnerId: SAM,
      turnMinutes: null,
      now: 1,
    });
    setAgendaItemState(doc, 't', other.id, AgendaItemState.skipped, SAM, 2);
    recordTalkAction(doc, 't', {
      id: 'x',
      kind: TalkActionKind.promise,
      text: 'Ask daily',
      itemId: item.id,
      ref: 'p1',
      createdBy: SAM,
      createdAt: 3,
    });
    endTalk(doc, 't', SAM, 4);
    const talk = readTalk('t', talksMap(doc).get('t'));
    if (!talk.readable) throw new Error(talk.problem);
    expect(talk.agenda.map((entry) => entry.readable && [entry.id, entry.status?.state])).toEqual([
      [item.id, AgendaItemState.action],
      [other.id, AgendaItemState.skipped],
    ]);
    expect(talk.actions.map((action) => action.text)).toEqual(['Ask daily']);
    expect(talk).toMatchObject({ status: 'ended', endedAt: 4, endedBy: SAM });
    expect(takeTurn(doc, 't', { type: TurnEventType.doneSpeaking, by: ALEX }, 5)).toEqual({
      ok: false,
      reason: 'the talk has ended',
    });
  });
});
