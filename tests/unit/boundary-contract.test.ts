import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  boundariesMap,
  boundaryContent,
  boundaryHash,
  BOUNDARY_TEMPLATES,
  BOUNDARY_TEXT_FIELDS,
  contentHashSync,
  createBoundary,
  deriveBoundaryStatus,
  formattingChanges,
  attestedVersions,
  moveBoundary,
  onLocalTextEdit,
  readBoundaries,
  recordAgreedVersion,
  touchBoundary,
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

function withBoundary(): Y.Doc {
  const doc = new Y.Doc();
  fromTemplate(doc, 'b1');
  return doc;
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
  it('gives the same hash for the same words whatever the spacing', async () => {
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
    expect(await boundaryHash(boundaryContent(readable(a, 'b1')))).toBe(
      await boundaryHash(boundaryContent(readable(b, 'b1'))),
    );
  });

  it('hashes content without formatting exactly as before formatting was signed', async () => {
    const doc = new Y.Doc();
    fromTemplate(doc, 'b1');
    const content = boundaryContent(readable(doc, 'b1'));
    expect(content).not.toHaveProperty('formatting');
    // Computed by the hashing in use before marks were covered: existing signatures stay valid.
    expect(await boundaryHash(content)).toBe(
      'ae78770a284f8da2bd7d99a3ff4202e374534edf6f9b783725b8f3d4206a1766',
    );
    expect(contentHashSync(content)).toBe(await boundaryHash(content));
  });

  it('after both sign, striking a word and linking another shows as changed, and says how', async () => {
    const doc = new Y.Doc();
    createBoundary(doc, {
      id: 'b1',
      title: 'Phones',
      category: 'privacy',
      text: { meaning: ['I will never read your phone without asking.'] },
      userId: ALEX,
      now: 1,
    });
    const signedContent = boundaryContent(readable(doc, 'b1'));
    const signedHash = await boundaryHash(signedContent);
    const notary = [attest(ALEX, signedHash), attest(SAM, signedHash)];

    const words = (readable(doc, 'b1').text.meaning.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const sentence = 'I will never read your phone without asking.';
    words.format(sentence.indexOf('never'), 'never'.length, { strike: {} });
    words.format(sentence.indexOf('asking'), 'asking'.length, {
      link: { href: 'https://elsewhere.example', target: null },
    });

    const now = boundaryContent(readable(doc, 'b1'));
    expect(now.meaning).toBe(signedContent.meaning);
    const nowHash = await boundaryHash(now);
    expect(nowHash).not.toBe(signedHash);
    expect(
      deriveBoundaryStatus({ myId: ALEX, partnerId: SAM, currentHash: nowHash, attestations: notary }),
    ).toEqual({ kind: 'changed', lastAgreedHash: signedHash });
    expect(formattingChanges(signedContent.formatting?.meaning, now.formatting?.meaning)).toEqual([
      '“never” is now struck through',
      '“asking” is now linked to https://elsewhere.example',
    ]);
  });

  it('gives the same marks on the same words the same hash, whatever the spacing around them', async () => {
    const hashWithBold = async (sentence: string) => {
      const doc = new Y.Doc();
      createBoundary(doc, {
        id: 'b1',
        title: 'T',
        category: 'other',
        text: { why: [sentence] },
        userId: ALEX,
        now: 1,
      });
      const words = (readable(doc, 'b1').text.why.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      words.format(sentence.indexOf('care'), 4, { bold: true });
      return boundaryHash(boundaryContent(readable(doc, 'b1')));
    };
    expect(await hashWithBold('Because I   care.')).toBe(await hashWithBold('Because I care.'));
    expect(await hashWithBold('Because I care.')).not.toBe(await hashWithBold('I care because.'));
  });

  it('changes the hash when a single word or the review date changes', async () => {
    const doc = new Y.Doc();
    fromTemplate(doc, 'b1');
    const before = await boundaryHash(boundaryContent(readable(doc, 'b1')));
    const text = (readable(doc, 'b1').text.why.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'Truly, ');
    const afterWord = await boundaryHash(boundaryContent(readable(doc, 'b1')));
    updateBoundary(doc, { id: 'b1', patch: { reviewOn: '2027-01-01' }, userId: SAM, now: 2000 });
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
    moveBoundary(a, { id: 'b3', beforeId: null, afterId: 'b1' });
    moveBoundary(b, { id: 'b1', beforeId: 'b3', afterId: null });
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
    moveBoundary(doc, { id: 'b1', beforeId: 'b3', afterId: 'evil' });
    moveBoundary(doc, { id: 'b2', beforeId: 'odd', afterId: 'b3' });
    const readableIds = readBoundaries(doc)
      .filter((e) => e.readable)
      .map((e) => e.id);
    expect(readableIds).toEqual(['b2', 'b3', 'b1']);
    expect(boundariesMap(doc).has('evil')).toBe(true);
    expect(boundariesMap(doc).has('odd')).toBe(true);
  });

  it('keeps each agreed version once', async () => {
    const doc = new Y.Doc();
    fromTemplate(doc, 'b1');
    const content = boundaryContent(readable(doc, 'b1'));
    const hash = await boundaryHash(content);
    recordAgreedVersion(doc, { id: 'b1', version: { hash, content, agreedAt: 10 } });
    recordAgreedVersion(doc, { id: 'b1', version: { hash, content, agreedAt: 11 } });
    expect(readable(doc, 'b1').versions).toHaveLength(1);
  });
});

describe('what counts as agreed', () => {
  const signed = (userId: string, contentHash: string, at: number): Attestation => ({
    ...attest(userId, contentHash),
    subjectId: 'b1',
    at,
  });

  it('counts only versions the notary holds both signatures for, with matching content', async () => {
    const doc = new Y.Doc();
    fromTemplate(doc, 'b1');
    const content = boundaryContent(readable(doc, 'b1'));
    const hash = await boundaryHash(content);
    const notary = [signed(ALEX, hash, 100), signed(SAM, hash, 200)];
    recordAgreedVersion(doc, { id: 'b1', version: { hash, content, agreedAt: 5 } });

    // A partner's client pushes versions of its own: unsigned, signed by one, altered after signing.
    const unsigned = { ...content, meaning: 'Never signed by anyone' };
    const unsignedHash = await boundaryHash(unsigned);
    const oneSided = { ...content, meaning: 'Signed by Alex only' };
    const oneSidedHash = await boundaryHash(oneSided);
    const versions = [
      ...readable(doc, 'b1').versions,
      { hash: unsignedHash, content: unsigned, agreedAt: 300 },
      { hash: oneSidedHash, content: oneSided, agreedAt: 400 },
      { hash, content: { ...content, meaning: 'Altered after signing' }, agreedAt: 500 },
    ];
    const agreed = attestedVersions('b1', versions, [...notary, signed(ALEX, oneSidedHash, 350)]);
    // Dated by the notary (the second signature), not by what the document claims.
    expect(agreed).toEqual([{ hash, content, agreedAt: 200 }]);
  });

  it('does not count signatures given to another boundary, or a retirement', async () => {
    const content = boundaryContent(readable(withBoundary(), 'b1'));
    const hash = await boundaryHash(content);
    const version = { hash, content, agreedAt: 1 };
    const elsewhere = [signed(ALEX, hash, 1), { ...signed(SAM, hash, 2), subjectId: 'other' }];
    expect(attestedVersions('b1', [version], elsewhere)).toEqual([]);
    const retired = [signed(ALEX, hash, 1), { ...signed(SAM, hash, 2), kind: 'retire' as const }];
    expect(attestedVersions('b1', [version], retired)).toEqual([]);
    expect(attestedVersions('b1', [version], [signed(ALEX, hash, 1), signed(ALEX, hash, 2)])).toEqual([]);
  });
});

describe('who last changed a boundary', () => {
  it('records the editor’s own text edits, never a partner’s update or a mutator’s write', () => {
    const alex = new Y.Doc();
    const sam = new Y.Doc();
    fromTemplate(alex, 'b1');
    sync(alex, sam);
    const touched: string[] = [];
    const stop = onLocalTextEdit(boundariesMap(sam), BOUNDARY_TEXT_FIELDS, (id) => {
      touched.push(id);
      touchBoundary(sam, { id, userId: SAM, now: 9000 });
    });

    // Alex's edit reaches Sam's device as an update: not Sam's edit.
    const alexText = (readable(alex, 'b1').text.why.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    alexText.insert(0, 'Alex: ');
    sync(alex, sam);
    updateBoundary(sam, { id: 'b1', patch: { title: 'Renamed' }, userId: SAM, now: 8000 });
    expect(touched).toEqual([]);

    // Sam types, the way the editor writes: a local transaction with the editor's own origin.
    const samText = (readable(sam, 'b1').text.meaning.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    sam.transact(() => samText.insert(0, 'Sam: '), { editor: 'y-prosemirror' });
    expect(touched).toEqual(['b1']);
    expect(readable(sam, 'b1')).toMatchObject({ updatedBy: SAM, updatedAt: 9000 });
    sync(alex, sam);
    expect(readable(alex, 'b1')).toMatchObject({ updatedBy: SAM, updatedAt: 9000 });
    stop();
  });
});

describe('word diff', () => {
  it('marks the words that were removed and added', () => {
    const segments = wordDiff('We talk before spending', 'We always talk before spending');
    expect(segments.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toEqual(['always']);
    expect(segments.some((s) => s.kind === 'removed')).toBe(false);
  });
});
