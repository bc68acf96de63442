import { goalsMap, touchGoal, updateGoal, type GoalPatch, type Presence } from '@twofold/shared';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { useRecordTextEdits } from '@/lib/yjs/use-record-text-edits.ts';
import { LazyCollabEditor } from '@/components/editor/lazy-collab-editor.tsx';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { useGoals } from '../hooks/use-goals.ts';
import type { People } from '../model/people.ts';
import { GoalFields } from './goal-fields.tsx';
import { GoalStatusPanel } from './goal-status.tsx';
import { ProgressBar } from './progress-bar.tsx';
import { StepList } from './step-list.tsx';
import { UnreadableGoal } from './unreadable-goal.tsx';

/** The goal's rich-text fields, whose edits record who last changed the goal. */
const GOAL_TEXT_FIELDS = ['why'] as const;

interface Props {
  goalId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  self: Presence['user'];
  people: People;
  /** The first exchange with the server is still under way (a new device may not have it yet). */
  firstSync: boolean;
  /** The partner has this goal open right now. */
  partnerHere: boolean;
}

/** One goal: why it matters (written live by both), its steps, progress and where it stands. */
export function GoalDetail({ goalId, doc, provider, self, people, firstSync, partnerHere }: Props) {
  const navigate = useNavigate();
  const entry = useGoals(doc).find((goal) => goal.id === goalId);
  const caret = useMemo(() => ({ provider, user: self }), [provider, self]);
  // "Last changed by" must be true of the "why" too, not only of the fields and steps.
  useRecordTextEdits(goalsMap(doc), goalId, GOAL_TEXT_FIELDS, (now) =>
    touchGoal(doc, { id: goalId, userId: self.id, now }),
  );
  const back = (
    <Link to=".." relative="path" className="button">
      All goals
    </Link>
  );

  if (!entry && firstSync) return <LoadingState label="Opening this goal…" />;
  if (!entry) {
    return (
      <ErrorState
        title="This goal is not here"
        message="It may have been let go, or the link is not quite right."
      >
        {back}
      </ErrorState>
    );
  }
  if (!entry.readable) {
    return (
      <div className="page">
        <UnreadableGoal />
        {back}
      </div>
    );
  }

  const goal = entry;
  const title = goal.title.trim() || 'Untitled goal';
  const change = (patch: GoalPatch) =>
    updateGoal(doc, { id: goal.id, patch, userId: people.selfId, now: Date.now() });

  return (
    <article className="page goal" data-status={goal.status}>
      <header className="goal__header">
        <div className="goal__topline">
          <Link to=".." relative="path" className="back-link">
            <span aria-hidden="true">←</span> All goals
          </Link>
          {partnerHere && people.partner && (
            <span className="here-badge" data-testid="goal-partner-here">
              {people.partner.name} is here
            </span>
          )}
        </div>
        <h1 className="visually-hidden">{title}</h1>
        <GoalFields goal={goal} onChange={change} />
      </header>

      <GoalStatusPanel
        doc={doc}
        goal={goal}
        people={people}
        onLetGo={() => void navigate('..', { relative: 'path' })}
      />

      {goal.progress.total > 0 && <ProgressBar progress={goal.progress} label="Progress" />}

      <section className="goal__why" aria-labelledby="goal-why-title">
        <h2 id="goal-why-title" className="section-title">
          Why it matters to us
        </h2>
        <LazyCollabEditor fragment={goal.why} label="Why it matters to us" caret={caret} />
      </section>

      <StepList doc={doc} goal={goal} people={people} />

      <p className="page__aside">
        <Link to="history">History of this goal: who changed what, and when</Link>
      </p>
    </article>
  );
}
