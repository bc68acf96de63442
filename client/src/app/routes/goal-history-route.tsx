import { goalsMap, HistoryDoc, readGoal } from '@twofold/shared';
import type * as Y from 'yjs';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { HistoryPage } from '@/features/history/components/history-page.tsx';
import { goalSubject } from '@/features/history/model/subjects.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useDocReading } from '@/lib/yjs/use-doc-reading.ts';
import { useSpaceOutlet } from './space-outlet.ts';

const roots = (doc: Y.Doc) => [goalsMap(doc)];

/** /spaces/:spaceId/goals/:goalId/history — every change to one goal: its fields, "why" and steps. */
export function GoalHistoryRoute() {
  const { goalId = '' } = useParams();
  const { space, docs, self } = useSpaceOutlet();
  useDocumentTitle('History of a goal');
  const subject = useMemo(() => goalSubject(HistoryDoc.shared, goalId, self.id), [goalId, self.id]);
  const read = useMemo(
    () => (doc: Y.Doc) => {
      const entry = readGoal(goalId, goalsMap(doc).get(goalId));
      return entry.readable ? entry.title.trim() : '';
    },
    [goalId],
  );
  const title = useDocReading(docs.shared.doc, roots, read);
  return (
    <HistoryPage
      space={space}
      selfId={self.id}
      liveDoc={docs.shared.doc}
      subject={subject}
      title={title ? `“${title}”` : 'this goal'}
      noun="the goal"
      backTo={{ href: `/spaces/${space.id}/goals/${goalId}`, label: 'Back to the goal' }}
    />
  );
}
