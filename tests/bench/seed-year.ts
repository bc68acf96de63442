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
import { openDb, createStores, docKey } from '@twofold/server/testing';

const DAY = 86_400_000;
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
  /** Updates written to the shared document's log. */
  updates: number;
  /** The shared document, encoded (bytes). */
  encodedBytes: number;
  /** The letter's words, as the browser will show them (the last paragraph's start). */
  lastWords: string;
}

/**
 * A year of a couple's shared document, logged update by update the way the server's rooms
 * log it (author, time) and compacted every 500 rows: each week both partners add a paragraph
 * to the "What trust means to us" letter, typed a few characters per update, and now and then
 * reword an earlier one; twenty boundaries and twelve goals with steps are written and revisited
 * across the year. `authors` are the two members' user ids.
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
  doc.on('update', (update: Uint8Array) => {
    last = docLog.append(key, author, at, update);
    updates++;
    if (updates % COMPACT_EVERY === 0) docLog.compact(key, last, at, Y.encodeStateAsUpdate(doc));
  });
  const letter = usLetterFragment(doc);
  let lastWords = '';
  db.transaction(() => {
    for (let week = 0; week < 52; week++) {
      for (const [n, who] of authors.entries()) {
        author = who;
        at = start + week * 7 * DAY + n * DAY;
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        letter.insert(letter.length, [paragraph]);
        const words = `Week ${week + 1}: ${SENTENCES[(week + n) % SENTENCES.length]}${SENTENCES[(week * 3 + n) % SENTENCES.length]}`;
        // Typed as a person types: a few characters per update, seconds apart.
        for (let i = 0; i < words.length; i += 4) {
          at += 2_000;
          text.insert(i, words.slice(i, i + 4));
        }
        lastWords = words.trim();
        if (week % 4 === 3) {
          // Rewording a paragraph from weeks before.
          const earlier = letter.get(Math.floor(letter.length / 3)) as Y.XmlElement;
          const earlierText = earlier.get(0) as Y.XmlText;
          earlierText.delete(0, Math.min(8, earlierText.length));
          earlierText.insert(0, 'Looking back, ');
        }
      }
      author = authors[week % 2]!;
      at = start + week * 7 * DAY + 3 * DAY;
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
  docLog.close();
  db.close();
  return { updates, encodedBytes: Y.encodeStateAsUpdate(doc).byteLength, lastWords };
}
