import type { LetterPairView, LetterView } from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import { letterSections } from '../../client/src/features/letters/model/letter-lists.ts';

const ALEX = 'alex-0001';
const SAM = 'sam-00001';
const NOW = 1_000_000;

let sent = 0;
function letter(id: string, authorId: string, fields: Partial<LetterView> = {}): LetterView {
  sent += 1;
  return {
    id,
    authorId,
    authorName: authorId === ALEX ? 'Alex' : 'Sam',
    title: `Letter ${id}`,
    prompt: null,
    body: { doc: { type: 'doc' }, text: 'words' },
    hidden: null,
    replyTo: null,
    sealKind: null,
    pairId: null,
    opensAt: null,
    sentAt: sent,
    readAt: null,
    ...fields,
  };
}

function pair(id: string, sealedBy: string[], openedAt: number | null): LetterPairView {
  return { id, prompt: 'What trust means to me', createdBy: ALEX, createdAt: 1, sealedBy, openedAt };
}

const idsOf = (threads: { counted: LetterView[] }[]) => threads.flatMap((t) => t.counted.map((l) => l.id));

describe('letter lists', () => {
  it("lists a partner's letter this device cannot show in the inbox, never leaving it out", () => {
    const letters = [letter('sam-old', SAM, { body: null, unreadable: true }), letter('sam-fine', SAM)];
    const sections = letterSections(letters, [], ALEX, NOW);
    expect(idsOf(sections.inbox)).toEqual(expect.arrayContaining(['sam-old', 'sam-fine']));
    expect(idsOf(sections.inbox)).toHaveLength(2);
  });

  it("lists the partner's reply under one's own letter in the inbox, and one's reply in Sent", () => {
    const letters = [
      letter('alex-root', ALEX),
      letter('sam-reply', SAM, { replyTo: 'alex-root' }),
      letter('sam-root', SAM),
      letter('alex-reply', ALEX, { replyTo: 'sam-root' }),
    ];
    const sections = letterSections(letters, [], ALEX, NOW);
    expect(idsOf(sections.inbox).sort()).toEqual(['sam-reply', 'sam-root']);
    expect(idsOf(sections.sent).sort()).toEqual(['alex-reply', 'alex-root']);
    // A thread is listed by its first letter, so opening it shows the whole conversation.
    expect(sections.inbox.map((thread) => thread.root.id).sort()).toEqual(['alex-root', 'sam-root']);
  });

  it("lists both halves of an opened sealed pair, and one's own sealed letter while it waits", () => {
    const opened = [
      letter('alex-half', ALEX, { sealKind: 'together', pairId: 'pair-open' }),
      letter('sam-half', SAM, { sealKind: 'together', pairId: 'pair-open' }),
    ];
    const waiting = [
      letter('alex-sealed', ALEX, { sealKind: 'together', pairId: 'pair-shut' }),
      letter('sam-sealed', SAM, {
        sealKind: 'together',
        pairId: 'pair-shut',
        body: null,
        title: null,
        hidden: 'waiting-for-pair',
      }),
    ];
    const pairs = [pair('pair-open', [ALEX, SAM], 10), pair('pair-shut', [ALEX, SAM], null)];
    const sections = letterSections([...opened, ...waiting], pairs, ALEX, NOW);
    expect(idsOf(sections.inbox)).toEqual(['sam-half']);
    expect(idsOf(sections.sent).sort()).toEqual(['alex-half', 'alex-sealed']);
    expect(sections.pairs.map(({ letters }) => letters.length)).toEqual([2, 2]);
  });

  it("keeps the partner's unopened dated letter apart and lists one's own in Sent", () => {
    const letters = [
      letter('sam-later', SAM, {
        sealKind: 'date',
        opensAt: NOW + 1,
        body: null,
        title: null,
        hidden: 'waiting-for-date',
      }),
      letter('alex-later', ALEX, { sealKind: 'date', opensAt: NOW + 1 }),
      letter('sam-opened', SAM, { sealKind: 'date', opensAt: NOW - 1 }),
    ];
    const sections = letterSections(letters, [], ALEX, NOW);
    expect(sections.waiting.map((l) => l.id)).toEqual(['sam-later']);
    expect(idsOf(sections.inbox)).toEqual(['sam-opened']);
    expect(idsOf(sections.sent)).toEqual(['alex-later']);
  });

  it('counts every letter of a thread that belongs to a list, newest thread first', () => {
    const letters = [
      letter('sam-old', SAM),
      letter('alex-root', ALEX),
      letter('sam-1', SAM, { replyTo: 'alex-root' }),
      letter('alex-2', ALEX, { replyTo: 'sam-1' }),
      letter('sam-3', SAM, { replyTo: 'alex-2' }),
    ];
    const { inbox } = letterSections(letters, [], ALEX, NOW);
    expect(inbox.map((thread) => [thread.root.id, thread.counted.length])).toEqual([
      ['alex-root', 2],
      ['sam-old', 1],
    ]);
    expect(inbox[0]?.unread).toBe(2);
  });
});
