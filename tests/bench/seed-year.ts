import {
  addStep,
  BoundaryCategory,
  createBoundary,
  createGoal,
  GoalHorizon,
  setStepDone,
  touchBoundary,
  usLetterFragment,
} from '@twofold/shared';
import * as Y from 'yjs';
import { openDb, createStores, docKey, SERVER_DEVICE } from '@twofold/server/testing';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Between two keys (ms): a sitting of a paragraph is some fifteen minutes, three runs of five. */
const KEY_MS = 1_500;
/** A typo (and its backspace) every this many characters typed. */
const TYPO_EVERY = 37;
// A snapshot every 500 rows, as the server's rooms compact (server/src/sync/room.ts).
const COMPACT_EVERY = 500;
const SENTENCES = [
  'Trust, for us, is saying the hard thing early instead of late. ',
  'It means I can ask where you are without it sounding like an accusation. ',
  'We agreed that a promise, however small, is still a promise. ',
  'This week was harder than the last, and we said so to each other. ',
  'I noticed that you told me before I had to ask, and it mattered. ',
  'When we disagree we take a pause, and then we come back to the table. ',
];

export interface SeededYear {
  /** Updates written to the shared document's log: one per keystroke (a typo and its fix are two). */
  updates: number;
  /** The shared document, encoded (bytes). */
  encodedBytes: number;
  /** Structs the shared document holds (server/src/sync/update-check.ts bounds them). */
  structs: number;
  /** The letter's words, as the browser will show them (the last paragraph's start). */
  lastWords: string;
}

/**
 * A year of a couple's shared document, logged update by update the way the server's rooms
 * log it (author, time) and compacted every 500 rows and at the end. Every day one partner (every third day
 * both) sits down to the "What trust means to us" letter: a paragraph of eight sentences
 * typed one key per update, 1.5 s apart, with a typo and its backspace now and then, and the
 * first sentence of an earlier paragraph reworded; each sitting is a new Yjs client, as a
 * page load is. Some 230,000 keystrokes in all. Twenty boundaries and twelve goals with steps
 * are written and revisited across the year. `authors` are the two members' user ids.
 */
export function seedYearOfContent(dbPath: string, spaceId: string, authors: [string, string]): SeededYear {
  const db = openDb(dbPath);
  const { docLog } = createStores(db);
  const doc = new Y.Doc();
  const key = docKey.shared(spaceId);
  const start = Date.now() - 365 * DAY;
  let at = start;
  let author = authors[0];
  let updates = 0;
  let last = 0;
  let client = 1;
  doc.on('update', (update: Uint8Array) => {
    last = docLog.append(key, update, { author, device: SERVER_DEVICE, at });
    updates++;
    if (updates % COMPACT_EVERY === 0) docLog.compact(key, last, at, Y.encodeStateAsUpdate(doc));
  });
  const letter = usLetterFragment(doc);
  let lastWords = '';
  /** Types `words` into `text` from `index`, a key at a time; returns the index after them. */
  const type = (text: Y.XmlText, index: number, words: string): number => {
    for (const char of words) {
      at += KEY_MS;
      text.insert(index, char);
      index++;
      if (index % TYPO_EVERY === 0) {
        at += KEY_MS;
        text.insert(index, 'q');
        at += KEY_MS;
        text.delete(index, 1);
      }
    }
    return index;
  };
  const sitting = (who: string, dayStart: number) => {
    author = who;
    at = dayStart;
    // A new page load is a new Yjs client (clientIDs are random 32-bit numbers in a browser).
    doc.clientID = client++;
  };
  db.transaction(() => {
    for (let day = 0; day < 365; day++) {
      const writers = day % 3 === 2 ? authors : [authors[day % 2]!];
      for (const [n, who] of writers.entries()) {
        sitting(who, start + day * DAY + (19 + n) * HOUR);
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        letter.insert(letter.length, [paragraph]);
        let words = `Day ${day + 1}. `;
        for (let s = 0; s < 8; s++) words += SENTENCES[(day * 5 + n * 3 + s) % SENTENCES.length];
        type(text, 0, words);
        lastWords = words.trim();
        if (day > 0) {
          // Rewording the first sentence of a paragraph from days before.
          const earlier = letter.get((day * 7) % (letter.length - 1)) as Y.XmlElement;
          const earlierText = earlier.get(0) as Y.XmlText;
          const first = earlierText.toString().indexOf('. ') + 2;
          at += KEY_MS;
          earlierText.delete(0, Math.min(first, earlierText.length));
          type(earlierText, 0, SENTENCES[(day + n) % SENTENCES.length]!);
        }
      }
      if (day % 7 !== 3) continue;
      const week = Math.floor(day / 7);
      sitting(authors[week % 2]!, start + day * DAY + 12 * HOUR);
      if (week < 40 && week % 2 === 0) {
        const id = `b-${week}`;
        createBoundary(doc, {
          id,
          title: `Boundary ${week / 2 + 1}: how we talk when it is hard`,
          category: Object.values(BoundaryCategory)[week % 8]!,
          text: {
            meaning: [SENTENCES[week % SENTENCES.length]!.trim()],
            why: [SENTENCES[(week + 1) % SENTENCES.length]!.trim()],
            honouring: [SENTENCES[(week + 2) % SENTENCES.length]!.trim()],
          },
          userId: author,
          now: at,
        });
        if (week > 8) touchBoundary(doc, { id: `b-${week - 8}`, userId: author, now: at });
      }
      if (week % 4 === 1 && week < 48) {
        const id = `g-${week}`;
        createGoal(doc, {
          id,
          title: `Goal ${Math.floor(week / 4) + 1}: something to look forward to`,
          horizon: Object.values(GoalHorizon)[week % 4]!,
          values: ['honesty', 'time together'],
          why: [SENTENCES[week % SENTENCES.length]!.trim()],
          proposed: false,
          userId: author,
          now: at,
        });
        for (let s = 0; s < 4; s++) {
          addStep(doc, {
            goalId: id,
            id: `${id}-s${s}`,
            title: `Step ${s + 1}`,
            owner: authors[s % 2]!,
            userId: author,
            now: at,
          });
        }
        if (week > 4)
          setStepDone(doc, {
            goalId: `g-${week - 4}`,
            stepId: `g-${week - 4}-s0`,
            done: true,
            userId: author,
            now: at,
          });
      }
    }
  })();
  // The room compacts what is left when the last partner leaves (server/src/sync/room.ts).
  if (updates % COMPACT_EVERY !== 0) docLog.compact(key, last, at, Y.encodeStateAsUpdate(doc));
  docLog.close();
  db.close();
  const encoded = Y.encodeStateAsUpdate(doc);
  return { updates, encodedBytes: encoded.byteLength, structs: countStructs(encoded), lastWords };
}

/** Structs (items and GC runs) in an encoded document, as the server counts them. */
function countStructs(update: Uint8Array): number {
  return Y.decodeUpdate(update).structs.length;
}
