import * as Y from 'yjs';
import { LOCAL_ORIGIN } from './origin.ts';
import { compareByOrder } from './order.ts';
import { fragmentToPlainText } from './rich-text.ts';
import { talksMap } from './roots.ts';
import {
  agendaItemSchema,
  agendaItemStatusSchema,
  talkActionSchema,
  talkFieldsSchema,
  talkRoundSchema,
  TalkStatus,
  type AgendaItem,
  type AgendaItemState,
  type AgendaItemStatus,
  type TalkAction,
  type TalkFields,
  type TalkKind,
  type TalkRound,
} from './talk-model.ts';
import {
  firstTurn,
  nextTurn,
  TurnEventType,
  type TurnEvent,
  type TurnResult,
  type TurnState,
} from './talk-turns.ts';

/** An agenda item with where the couple got to with it (null: not yet talked about). */
export interface AgendaEntry extends AgendaItem {
  readable: true;
  status: AgendaItemStatus | null;
}

/** Something inside a talk whose stored shape is broken: counted and shown as such, never dropped. */
export interface UnreadablePart {
  readable: false;
  id: string;
  order: string;
  problem: string;
}

/** A talk as read from the shared doc: plain fields, its three live boxes and what it holds. */
export interface Talk extends TalkFields {
  readable: true;
  /** The speaker's own words for this turn (optional). */
  said: Y.XmlFragment;
  /** The listener's "what I heard you say is…". */
  heard: Y.XmlFragment;
  /** The short summary both write at the end. */
  summary: Y.XmlFragment;
  agenda: (AgendaEntry | UnreadablePart)[];
  actions: TalkAction[];
  rounds: TalkRound[];
  /** How many actions or rounds could not be read (a partner's client wrote something odd). */
  unreadableParts: number;
}

export interface UnreadableTalk {
  readable: false;
  id: string;
  problem: string;
  createdAt: number;
}

export type TalkEntry = Talk | UnreadableTalk;

const problemOf = (error: { issues: { message: string }[] }) => error.issues[0]?.message ?? 'invalid';

function readAgenda(items: Y.Map<unknown>, statuses: Y.Map<unknown>): (AgendaEntry | UnreadablePart)[] {
  const out: (AgendaEntry | UnreadablePart)[] = [];
  items.forEach((value, itemId) => {
    const item = agendaItemSchema.safeParse(value);
    if (!item.success || item.data.id !== itemId) {
      out.push({
        readable: false,
        id: itemId,
        order: '~',
        problem: item.success ? 'id mismatch' : problemOf(item.error),
      });
      return;
    }
    const status = agendaItemStatusSchema.safeParse(statuses.get(itemId));
    out.push({ readable: true, ...item.data, status: status.success ? status.data : null });
  });
  return out.sort(compareByOrder);
}

/** Reads one talk; never throws, whatever a partner's client wrote. */
export function readTalk(id: string, value: unknown): TalkEntry {
  if (!(value instanceof Y.Map)) return { readable: false, id, problem: 'not a talk', createdAt: 0 };
  const createdAt = typeof value.get('createdAt') === 'number' ? (value.get('createdAt') as number) : 0;
  const fields = talkFieldsSchema.safeParse(
    Object.fromEntries(TALK_FIELD_KEYS.map((key) => [key, value.get(key)])),
  );
  if (!fields.success || fields.data.id !== id) {
    return {
      readable: false,
      id,
      problem: fields.success ? 'id mismatch' : problemOf(fields.error),
      createdAt,
    };
  }
  const said = value.get('said');
  const heard = value.get('heard');
  const summary = value.get('summary');
  const items = value.get('items');
  const statuses = value.get('itemStatus');
  const actions = value.get('actions');
  const rounds = value.get('rounds');
  if (
    !(said instanceof Y.XmlFragment) ||
    !(heard instanceof Y.XmlFragment) ||
    !(summary instanceof Y.XmlFragment) ||
    !(items instanceof Y.Map) ||
    !(statuses instanceof Y.Map) ||
    !(actions instanceof Y.Map) ||
    !(rounds instanceof Y.Array)
  ) {
    return { readable: false, id, problem: 'its parts are missing', createdAt };
  }
  let unreadableParts = 0;
  const readActions: TalkAction[] = [];
  actions.forEach((raw) => {
    const action = talkActionSchema.safeParse(raw);
    if (action.success) readActions.push(action.data);
    else unreadableParts++;
  });
  readActions.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const readRounds: TalkRound[] = [];
  for (const raw of rounds.toArray()) {
    const round = talkRoundSchema.safeParse(raw);
    if (round.success) readRounds.push(round.data);
    else unreadableParts++;
  }
  return {
    readable: true,
    ...fields.data,
    said,
    heard,
    summary,
    agenda: readAgenda(items, statuses),
    actions: readActions,
    rounds: readRounds,
    unreadableParts,
  };
}

const TALK_FIELD_KEYS = Object.keys(talkFieldsSchema.shape) as (keyof TalkFields)[];

/** Every talk in the space, newest first (unreadable ones included, as such). */
export function readTalks(doc: Y.Doc): TalkEntry[] {
  const entries: TalkEntry[] = [];
  talksMap(doc).forEach((value, id) => entries.push(readTalk(id, value)));
  return entries.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

function talkEntity(doc: Y.Doc, id: string): Y.Map<unknown> {
  const entity = talksMap(doc).get(id);
  if (!(entity instanceof Y.Map)) throw new Error(`no talk ${id}`);
  return entity;
}

function readableTalk(doc: Y.Doc, id: string): Talk {
  const entry = readTalk(id, talksMap(doc).get(id));
  if (!entry.readable) throw new Error(`talk ${id} cannot be read: ${entry.problem}`);
  return entry;
}

function touch(entity: Y.Map<unknown>, userId: string, now: number): void {
  entity.set('updatedBy', userId);
  entity.set('updatedAt', now);
}

export interface StartTalkArgs {
  id: string;
  kind: TalkKind;
  topic: string | null;
  /** The weekly talk's agenda (see the client's `buildAgenda`); empty for the others. */
  agenda: readonly AgendaItem[];
  /** Who starts; they hold the floor first. */
  userId: string;
  partnerId: string;
  turnMinutes: number | null;
  now: number;
}

/** Starts a talk: the starter has the floor, the agenda is frozen in, every box is empty. */
export function startTalk(doc: Y.Doc, args: StartTalkArgs): string {
  const turn = firstTurn(args.userId, args.partnerId);
  const topic = args.topic?.replace(/\s+/g, ' ').trim() || null;
  const fields = talkFieldsSchema.parse({
    id: args.id,
    kind: args.kind,
    topic,
    status: TalkStatus.live,
    ...turn,
    phaseSince: args.now,
    turnMinutes: args.turnMinutes,
    endedAt: null,
    endedBy: null,
    createdBy: args.userId,
    createdAt: args.now,
    updatedBy: args.userId,
    updatedAt: args.now,
  });
  const agenda = args.agenda.map((item) => agendaItemSchema.parse(item));
  doc.transact(() => {
    const entity = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) entity.set(key, value);
    entity.set('said', new Y.XmlFragment());
    entity.set('heard', new Y.XmlFragment());
    entity.set('summary', new Y.XmlFragment());
    const items = new Y.Map<unknown>();
    entity.set('items', items);
    entity.set('itemStatus', new Y.Map<unknown>());
    entity.set('actions', new Y.Map<unknown>());
    entity.set('rounds', new Y.Array<unknown>());
    talksMap(doc).set(args.id, entity);
    for (const item of agenda) items.set(item.id, { ...item });
  }, LOCAL_ORIGIN);
  return args.id;
}

/** The turn-taking part of a talk, for `nextTurn`. */
export function turnOf(talk: TalkFields): TurnState {
  return { speakerId: talk.speakerId, listenerId: talk.listenerId, phase: talk.phase, round: talk.round };
}

function clear(fragment: Y.XmlFragment): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
}

/**
 * Moves the talk's turn on by `event` (see `nextTurn`); a refusal changes nothing and is
 * returned as is. A confirmed turn is kept in `rounds` with what was said and heard, and both
 * boxes are emptied for the next speaker. A talk that has ended takes no more turns.
 */
export function takeTurn(doc: Y.Doc, talkId: string, event: TurnEvent, now: number): TurnResult {
  const talk = readableTalk(doc, talkId);
  if (talk.status !== TalkStatus.live) return { ok: false, reason: 'the talk has ended' };
  const result = nextTurn(turnOf(talk), event);
  if (!result.ok) return result;
  const entity = talkEntity(doc, talkId);
  doc.transact(() => {
    if (event.type === TurnEventType.confirm) {
      const round: TalkRound = {
        round: talk.round,
        speakerId: talk.speakerId,
        said: fragmentToPlainText(talk.said),
        heard: fragmentToPlainText(talk.heard),
        at: now,
      };
      (entity.get('rounds') as Y.Array<unknown>).push([round]);
      clear(talk.said);
      clear(talk.heard);
    }
    for (const [key, value] of Object.entries(result.state)) entity.set(key, value);
    entity.set('phaseSince', now);
    touch(entity, event.by, now);
  }, LOCAL_ORIGIN);
  return result;
}

/** Marks an agenda item discussed, skipped, turned into an action, or open again. */
export function setAgendaItemState(
  doc: Y.Doc,
  talkId: string,
  itemId: string,
  state: AgendaItemState,
  userId: string,
  now: number,
): void {
  const entity = talkEntity(doc, talkId);
  const status = agendaItemStatusSchema.parse({ state, by: userId, at: now });
  doc.transact(() => {
    (entity.get('itemStatus') as Y.Map<unknown>).set(itemId, status);
    touch(entity, userId, now);
  }, LOCAL_ORIGIN);
}

/**
 * Records an action made during the talk (the promise or step already exists where it
 * belongs); its agenda item, if any, is marked as turned into an action.
 */
export function recordTalkAction(doc: Y.Doc, talkId: string, action: TalkAction): void {
  const valid = talkActionSchema.parse(action);
  const entity = talkEntity(doc, talkId);
  doc.transact(() => {
    (entity.get('actions') as Y.Map<unknown>).set(valid.id, valid);
    if (valid.itemId) {
      (entity.get('itemStatus') as Y.Map<unknown>).set(valid.itemId, {
        state: 'action',
        by: valid.createdBy,
        at: valid.createdAt,
      });
    }
    touch(entity, valid.createdBy, valid.createdAt);
  }, LOCAL_ORIGIN);
}

/** Sets or clears the gentle per-turn timer (minutes). */
export function setTurnMinutes(
  doc: Y.Doc,
  talkId: string,
  minutes: number | null,
  userId: string,
  now: number,
): void {
  const entity = talkEntity(doc, talkId);
  const valid = talkFieldsSchema.shape.turnMinutes.parse(minutes);
  doc.transact(() => {
    entity.set('turnMinutes', valid);
    touch(entity, userId, now);
  }, LOCAL_ORIGIN);
}

/** Ends the talk; its summary stays editable by both, and it shows as "we talked" in the wins. */
export function endTalk(doc: Y.Doc, talkId: string, userId: string, now: number): void {
  const entity = talkEntity(doc, talkId);
  doc.transact(() => {
    entity.set('status', TalkStatus.ended);
    entity.set('endedAt', now);
    entity.set('endedBy', userId);
    touch(entity, userId, now);
  }, LOCAL_ORIGIN);
}
