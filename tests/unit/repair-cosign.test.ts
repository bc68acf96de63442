import {
  AttestationKind,
  repairNextTimeFragment,
  repairNextTimeText,
  SubjectType,
  writePlainParagraphs,
  type Attestation,
  type PromiseView,
} from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { promiseStatus } from '../../client/src/features/promises/model/promise-status.ts';

const proposed: PromiseView = {
  id: 'p1',
  authorId: 'alex',
  text: 'We say pause and come back within the hour',
  dueOn: null,
  contentHash: 'a'.repeat(64),
  createdAt: 1,
  missed: null,
  fromRepair: 'repair-1',
};

const attestation = (
  userId: string,
  kind: AttestationKind,
  contentHash = proposed.contentHash,
): Attestation => ({
  id: 1,
  userId,
  at: 2,
  subjectType: SubjectType.promise,
  subjectId: proposed.id,
  kind,
  contentHash,
});

describe('a promise proposed from a repair', () => {
  it('stays proposed until the partner accepts these exact words', () => {
    expect(promiseStatus(proposed, [])).toEqual({ kind: 'proposed' });
    // The author's own "acceptance" or one for other words does not count.
    expect(promiseStatus(proposed, [attestation('alex', AttestationKind.accepted)])).toEqual({
      kind: 'proposed',
    });
    expect(promiseStatus(proposed, [attestation('sam', AttestationKind.accepted, 'b'.repeat(64))])).toEqual({
      kind: 'proposed',
    });
    expect(promiseStatus(proposed, [attestation('sam', AttestationKind.accepted)])).toEqual({
      kind: 'open',
      acceptedBy: 'sam',
    });
  });

  it('leaves an ordinary promise open from the start', () => {
    expect(promiseStatus({ ...proposed, fromRepair: null }, [])).toEqual({ kind: 'open', acceptedBy: null });
  });
});

describe('"what we will do differently next time", written together', () => {
  it('merges what both partners type into a fresh repair at the same moment', () => {
    const alex = new Y.Doc();
    const sam = new Y.Doc();
    writePlainParagraphs(repairNextTimeFragment(alex, 'r1'), ['Alex: we pause.']);
    writePlainParagraphs(repairNextTimeFragment(sam, 'r1'), ['Sam: we come back within the hour.']);
    Y.applyUpdate(alex, Y.encodeStateAsUpdate(sam));
    Y.applyUpdate(sam, Y.encodeStateAsUpdate(alex));
    const text = repairNextTimeText(alex, 'r1');
    expect(text).toContain('Alex: we pause.');
    expect(text).toContain('Sam: we come back within the hour.');
    expect(repairNextTimeText(sam, 'r1')).toBe(text);
  });

  it('reads an unwritten one as empty without adding it to the document', () => {
    const doc = new Y.Doc();
    expect(repairNextTimeText(doc, 'r2')).toBe('');
    expect(doc.share.has('repairNextTime:r2')).toBe(false);
  });
});
