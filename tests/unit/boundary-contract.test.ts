import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  boundariesMap,
  boundaryContent,
  boundaryHash,
  BOUNDARY_TEMPLATES,
  createBoundary,
  deriveBoundaryStatus,
  findTamperedVersions,
  moveBoundary,
  readBoundaries,
  recordAgreedVersion,
  updateBoundary,
  wordDiff,
  type Attestation,
  type Boundary,
} from '@twofold/shared';

const ALEX = 'alex-user-id';
const SAM = 'sam-user-id';

function readable(doc: Y.Doc, id: string): Boundary {
  const entry = readBoundaries(doc).find((e) => e.id === id);
  if (!entry?.readable) throw new Error(`boundary ${id} is not readable`);
  return entry;
}

function fromTemplate(doc: Y.Doc, id: string, index = 0) {
  const template = BOUNDARY_TEMPLATES[index]!;
  return createBoundary(doc, { id, ...template, userId: ALEX, now: 1000 });
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

let nextId = 1;
function attest(userId: string, contentHash: string, kind: Attestation['kind'] = 'agree'): Attestation {
  return {
    id: nextId++,
    userId,
    contentHash,
    kind,
    subjectType: 'boundary',
    subjectId: 'b',
    at: nextId * 1000,
  };
}

describe('boundary content hashing', () => {
  it('gives the same hash for the same words whatever the formatting or spacing', async () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    fromTemplate(a, 'b1');
    createBoundary(b, {
      id: 'b1',
      ...BOUNDARY_TEMPLATES[0]!,
      title: `  ${BOUNDARY_TEMPLATES[0]!.title}   `,
      userId: SAM,
      now: 5,
    });
    const bold = readable(b, 'b1').text.meaning.get(0) as Y.XmlElement;
    (bold.get(0) as Y.XmlText).format(0, 5, { bold: true });
    expect(await boundaryHash(boundaryContent(readable(a, 'b1')))).toBe(
      await boundaryHash(boundaryContent(readable(b, 'b1'))),
    );
  });

  it('changes the hash when a single word or the review date changes', async () => {
    const doc = new Y.Doc();
    fromTemplate(doc, 'b1');
    const before = await boundaryHash(boundaryContent(readable(doc, 'b1')));
    const text = (readable(doc, 'b1').text.why.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'Truly, ');
    const afterWord = await boundaryHash(boundaryContent(readable(doc, 'b1')));
    updateBoundary(doc, 'b1', { reviewOn: '2027-01-01' }, SAM, 2000);
    const afterDate = await boundaryHash(boundaryContent(readable(doc, 'b1')));
    expect(new Set([before, afterWord, afterDate]).size).toBe(3);
  });
});

describe('boundary status', () => {
  const H1 = 'a'.repeat(64);
  const H2 = 'b'.repeat(64);

  it('moves from draft to waiting to agreed, and to changed after an edit', () => {
    const base = { myId: ALEX, partnerId: SAM };
    expect(deriveBoundaryStatus({ ...base, currentHash: H1, attestations: [] }).kind).toBe('draft');
    const alexSigned = [attest(ALEX, H1)];
    expect(deriveBoundaryStatus({ ...base, currentHash: H1, attestations: alexSigned }).kind).toBe(
      'waiting-for-partner',
    );
    expect(
      deriveBoundaryStatus({ myId: SAM, partnerId: ALEX, currentHash: H1, attestations: alexSigned }).kind,
    ).toBe('waiting-for-you');
    const both = [...alexSigned, attest(SAM, H1)];
    expect(deriveBoundaryStatus({ ...base, currentHash: H1, attestations: both }).kind).toBe('agreed');
    expect(deriveBoundaryStatus({ ...base, currentHash: H2, attestations: both })).toEqual({
      kind: 'changed',
      lastAgreedHash: H1,
    });
  });

  it('is retired only when both have asked to retire it', () => {
    const base = { myId: ALEX, partnerId: SAM, currentHash: H1 };
    const agreed = [attest(ALEX, H1), attest(SAM, H1)];
    const proposed = [...agreed, attest(SAM, H1, 'retire')];
    expect(deriveBoundaryStatus({ ...base, attestations: proposed })).toEqual({
      kind: 'retire-proposed',
      by: 'partner',
    });
    expect(
      deriveBoundaryStatus({ ...base, attestations: [...proposed, attest(ALEX, H1, 'retire')] }).kind,
    ).toBe('retired');
  });
});

describe('boundary documents', () => {
  it('keeps both partners’ words when they edit the same field at the same moment', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    fromTemplate(a, 'b1');
    sync(a, b);
    const textIn = (doc: Y.Doc) =>
      (readable(doc, 'b1').text.meaning.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    textIn(a).insert(0, 'Alex: ');
    textIn(b).insert(textIn(b).length, ' Sam agrees.');
    sync(a, b);
    expect(readable(a, 'b1').plain.meaning).toContain('Alex: ');
    expect(readable(a, 'b1').plain.meaning).toContain('Sam agrees.');
    expect(readable(a, 'b1').plain).toEqual(readable(b, 'b1').plain);
  });

  it('converges to one order when both partners move boundaries at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    for (const [i, id] of ['b1', 'b2', 'b3'].entries()) fromTemplate(a, id, i);
    sync(a, b);
    moveBoundary(a, 'b3', null, 'b1');
    moveBoundary(b, 'b1', 'b3', null);
    sync(a, b);
    expect(readBoundaries(a).map((e) => e.id)).toEqual(readBoundaries(b).map((e) => e.id));
  });

  it('shows a broken entry as unreadable instead of crashing or dropping it', () => {
    const doc = new Y.Doc();
    fromTemplate(doc, 'good');
    const hostile = new Y.Map<unknown>();
    hostile.set('id', 'evil');
    hostile.set('title', 42);
    boundariesMap(doc).set('evil', hostile);
    boundariesMap(doc).set('not-a-map', 'just a string');
    const entries = readBoundaries(doc);
    expect(entries).toHaveLength(3);
    expect(
      entries
        .filter((e) => !e.readable)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['evil', 'not-a-map']);
  });

  it('still creates and moves boundaries when a malformed one sits among them', () => {
    const doc = new Y.Doc();
    fromTemplate(doc, 'b1');
    fromTemplate(doc, 'b2', 1);
    // What a buggy or hostile client can write: no order at all, and an order that is no key.
    const hostile = new Y.Map<unknown>();
    hostile.set('id', 'evil');
    hostile.set('title', 42);
    boundariesMap(doc).set('evil', hostile);
    const odd = new Y.Map<unknown>();
    odd.set('order', 'not a key');
    boundariesMap(doc).set('odd', odd);

    fromTemplate(doc, 'b3', 2);
    moveBoundary(doc, 'b1', 'b3', 'evil');
    moveBoundary(doc, 'b2', 'odd', 'b3');
    const readableIds = readBoundaries(doc)
      .filter((e) => e.readable)
      .map((e) => e.id);
    expect(readableIds).toEqual(['b2', 'b3', 'b1']);
    expect(boundariesMap(doc).has('evil')).toBe(true);
    expect(boundariesMap(doc).has('odd')).toBe(true);
  });

  it('keeps each agreed version once, and flags a version whose content was altered', async () => {
    const doc = new Y.Doc();
    fromTemplate(doc, 'b1');
    const content = boundaryContent(readable(doc, 'b1'));
    const hash = await boundaryHash(content);
    recordAgreedVersion(doc, 'b1', { hash, content, agreedAt: 10 });
    recordAgreedVersion(doc, 'b1', { hash, content, agreedAt: 11 });
    expect(readable(doc, 'b1').versions).toHaveLength(1);

    const forged = { hash, content: { ...content, meaning: 'Something never agreed' }, agreedAt: 12 };
    const tampered = await findTamperedVersions(
      [...readable(doc, 'b1').versions, forged],
      new Set([hash]),
      boundaryHash,
    );
    expect([...tampered]).toEqual([hash]);
  });
});

describe('word diff', () => {
  it('marks the words that were removed and added', () => {
    const segments = wordDiff('We talk before spending', 'We always talk before spending');
    expect(segments.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toEqual(['always']);
    expect(segments.some((s) => s.kind === 'removed')).toBe(false);
  });
});
