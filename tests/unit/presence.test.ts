import { describe, expect, it } from 'vitest';
import { colorForMember, colorForUser, PresenceView, readPresence, sharedPlace } from '@twofold/shared';

const alex = { user: { id: 'u-alex', name: 'Alex', color: '#b4637a' }, view: 'us-letter' };

describe("reading the partner's presence", () => {
  it('reads a well-formed presence, dropping fields it does not know', () => {
    expect(readPresence(alex)).toEqual(alex);
    expect(readPresence({ ...alex, view: undefined })).toEqual({ user: alex.user });
    expect(readPresence({ ...alex, injected: '<script>' })).toEqual(alex);
  });

  it('reads anything malformed as null instead of throwing', () => {
    const garbage: unknown[] = [
      null,
      undefined,
      0,
      'Alex',
      [],
      [alex],
      {},
      { user: null },
      { user: 'Alex' },
      { user: { id: 'u', name: 'Alex' } },
      { user: { id: 1, name: 'Alex', color: '#000' } },
      { user: { id: 'u', name: 'x'.repeat(81), color: '#000' } },
      { user: { id: 'u', name: 'Alex', color: 'c'.repeat(33) } },
      { ...alex, view: 42 },
      { ...alex, view: 'v'.repeat(65) },
      JSON.parse('{"__proto__": {"user": {"id": "u", "name": "x", "color": "#000"}}}'),
    ];
    for (const state of garbage) expect(readPresence(state), JSON.stringify(state)).toBeNull();
  });
});

describe('member colours', () => {
  it('gives a member the same colour every time, on both screens', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `user-${i}-${'x'.repeat(i % 7)}`);
    const first = ids.map(colorForUser);
    const again = ids.map(colorForUser);
    expect(again).toEqual(first);
    for (const color of first) expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('spreads members over several colours, so partners usually differ', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `user-${i}`);
    expect(new Set(ids.map(colorForUser)).size).toBeGreaterThan(3);
    expect(colorForUser('')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('presence names shared places only', () => {
  it('keeps a shared place, and an item inside one, as it is', () => {
    for (const place of ['home', 'us-letter', 'boundaries', 'boundaries/b-1', 'goals/g-1', 'letters', 'wins'])
      expect(sharedPlace(place)).toBe(place);
  });

  it('never names a private place, or one it does not know, to the partner', () => {
    for (const place of [
      PresenceView.notes,
      `${PresenceView.notes}/anything`,
      PresenceView.letterDraft,
      PresenceView.checkins,
      'settings',
      'notesy',
      '',
      undefined,
    ])
      expect(sharedPlace(place), String(place)).toBeUndefined();
  });

  it('never gives two partners the same colour, and both screens agree on each', () => {
    // Every pair of these 60 ids, many of which share an id colour (6 colours): the ids of
    // Alex and Sam that once both came out green are among the kinds covered.
    const ids = Array.from({ length: 60 }, (_, i) => `member-${i}`);
    let clashingPairs = 0;
    for (const a of ids) {
      for (const b of ids) {
        if (a >= b) continue;
        const members = [a, b];
        if (colorForUser(a) === colorForUser(b)) clashingPairs++;
        expect(colorForMember(a, members)).not.toBe(colorForMember(b, members));
        // The order the member list arrives in does not matter.
        expect(colorForMember(a, [b, a])).toBe(colorForMember(a, members));
      }
    }
    expect(clashingPairs).toBeGreaterThan(0);
  });

  it('keeps the smaller id and anyone outside the space on their own colour', () => {
    const [a, b] = ['member-1', 'member-7'];
    expect(colorForMember(a, [a, b])).toBe(colorForUser(a));
    expect(colorForMember('someone-else', [a, b])).toBe(colorForUser('someone-else'));
    expect(colorForMember(a, [a])).toBe(colorForUser(a));
  });
});
