import { GoalStatus, type Goal } from '@twofold/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type * as Y from 'yjs';
import { LoadingState } from '@/components/page-state.tsx';
import { useGoals } from '../hooks/use-goals.ts';
import { allValues, ANY, matchesOwner, matchesValue, type OwnerFilter } from '../model/goal-filters.ts';
import type { People } from '../model/people.ts';
import { AchievedGoals } from './achieved-goals.tsx';
import { GoalBoard } from './goal-board.tsx';
import { GoalCard } from './goal-card.tsx';
import { GoalsControls, type Layout } from './goals-controls.tsx';
import { GoalsTimeline } from './goals-timeline.tsx';
import { NewGoal } from './new-goal.tsx';
import { UnreadableGoal } from './unreadable-goal.tsx';

interface Props {
  doc: Y.Doc;
  people: People;
  /** The first exchange with the server is still under way (a new device may know no goals yet). */
  firstSync: boolean;
  /** The goal the partner has open right now, if any. */
  partnerOn: string | null;
}

/** The couple's goals: suggestions waiting, the board by horizon or the timeline, and what is done. */
export function GoalsOverview({ doc, people, firstSync, partnerOn }: Props) {
  const navigate = useNavigate();
  const entries = useGoals(doc);
  const [creating, setCreating] = useState(false);
  const [layout, setLayout] = useState<Layout>('board');
  const [owner, setOwner] = useState<OwnerFilter>(ANY);
  const [value, setValue] = useState<string>(ANY);

  const goals = entries.filter((entry): entry is Goal => entry.readable);
  const unreadable = entries.filter((entry) => !entry.readable);
  const shown = goals.filter(
    (goal) =>
      matchesOwner(goal, owner, people.selfId, people.partner?.id ?? null) && matchesValue(goal, value),
  );
  const proposed = shown.filter((goal) => goal.status === GoalStatus.proposed);
  const active = shown.filter((goal) => goal.status === GoalStatus.active);
  const achieved = shown.filter((goal) => goal.status === GoalStatus.achieved);
  const filtered = owner !== ANY || value !== ANY;
  const values = allValues(goals);
  const card = (goal: Goal, showHorizon = false) => (
    <GoalCard goal={goal} people={people} partnerHere={partnerOn === goal.id} showHorizon={showHorizon} />
  );

  return (
    <div className="page goals">
      <header className="page__header page-head">
        <div>
          <h1 className="page__title">Shared goals</h1>
          <p className="lead">
            The future you are building, planned as a team. Small steps count; each one is something you did
            together.
          </p>
        </div>
        {!creating && entries.length > 0 && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New goal
          </button>
        )}
      </header>

      {creating && (
        <NewGoal
          doc={doc}
          userId={people.selfId}
          partnerName={people.partner?.name ?? null}
          onCancel={() => setCreating(false)}
          onCreated={(id) => void navigate(id)}
        />
      )}

      {entries.length === 0 && !creating && firstSync && <LoadingState label="Gathering your goals…" />}

      {entries.length === 0 && !creating && !firstSync && (
        <section className="empty">
          <h2 className="empty__title">No goals yet</h2>
          <p className="empty__text">
            Planning something together is itself a way of rebuilding: it says you are both headed the same
            way. Start with something small for this month, or something you have talked about for years.
          </p>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            Plan your first goal
          </button>
        </section>
      )}

      {entries.length > 0 && (
        <>
          <GoalsControls
            layout={layout}
            onLayout={setLayout}
            owner={owner}
            onOwner={setOwner}
            value={value}
            onValue={setValue}
            partnerName={people.partner?.name ?? null}
            values={values}
          />

          {filtered && shown.length === 0 && (
            <section className="empty empty--quiet">
              <p className="empty__text">No goals match these filters.</p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setOwner(ANY);
                  setValue(ANY);
                }}
              >
                Show all
              </button>
            </section>
          )}

          {proposed.length > 0 && (
            <section className="goals__section" aria-labelledby="goals-proposed">
              <h2 id="goals-proposed" className="section-title">
                Suggestions to talk about
              </h2>
              <ul className="goal-grid">
                {proposed.map((goal) => (
                  <li key={goal.id}>{card(goal, true)}</li>
                ))}
              </ul>
            </section>
          )}

          {layout === 'board' ? (
            <GoalBoard goals={active} renderCard={(goal) => card(goal)} />
          ) : (
            <GoalsTimeline goals={active} renderCard={(goal) => card(goal, true)} />
          )}

          {unreadable.length > 0 && (
            <ul className="goal-grid">
              {unreadable.map((entry) => (
                <li key={entry.id}>
                  <UnreadableGoal />
                </li>
              ))}
            </ul>
          )}

          <AchievedGoals goals={achieved} renderCard={(goal) => card(goal)} />
        </>
      )}
    </div>
  );
}
