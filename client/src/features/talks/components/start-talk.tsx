import { startTalk, TALK_TOPIC_MAX, TalkKind } from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type * as Y from 'yjs';
import { FormAlert } from '@/components/form-alert.tsx';
import { today } from '@/lib/dates.ts';
import { useDocAgendaSources } from '../hooks/use-week-agenda-sources.ts';
import { buildAgenda, type AgendaSources } from '../model/agenda.ts';

/** The week as the server knows it: appreciations, check-ins, promises and who kept them. */
export type WeekFromServer = Omit<AgendaSources, 'boundaries' | 'goals'>;

interface Props {
  doc: Y.Doc;
  selfId: string;
  partner: { id: string; name: string };
  /** Undefined while it loads; the weekly talk waits for it, the others do not. */
  week: WeekFromServer | undefined;
  weekProblem: string | null;
}

const KINDS = [
  {
    kind: TalkKind.weekly,
    label: 'Our weekly talk',
    hint: 'With what your week held: thanks, promises, goals.',
  },
  {
    kind: TalkKind.hardMoment,
    label: 'After a hard moment',
    hint: 'Slowly, one at a time, so each of you is heard.',
  },
  { kind: TalkKind.topic, label: 'Something of our own', hint: 'Name it in a few words.' },
] as const;

const TIMERS = [
  { value: '', label: 'No timer' },
  { value: '3', label: 'About 3 minutes' },
  { value: '5', label: 'About 5 minutes' },
  { value: '10', label: 'About 10 minutes' },
];

/** Starts a talk; the partner sees it at once and joins from their own device. */
export function StartTalk({ doc, selfId, partner, week, weekProblem }: Props) {
  const [kind, setKind] = useState<TalkKind>(TalkKind.weekly);
  const [topic, setTopic] = useState('');
  const [minutes, setMinutes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const docSources = useDocAgendaSources(doc);
  const navigate = useNavigate();
  const id = useId();
  const waitingForWeek = kind === TalkKind.weekly && !week;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === TalkKind.topic && !topic.trim()) {
      setProblem('Name what you would like to talk about.');
      return;
    }
    if (kind === TalkKind.weekly && !week) return;
    const now = Date.now();
    const agenda =
      kind === TalkKind.weekly && week
        ? buildAgenda({ ...week, ...docSources }, { now, today: today(new Date(now)) })
        : [];
    const talkId = startTalk(doc, {
      id: crypto.randomUUID(),
      kind,
      topic: kind === TalkKind.topic ? topic : null,
      agenda,
      userId: selfId,
      partnerId: partner.id,
      turnMinutes: minutes ? Number(minutes) : null,
      now,
    });
    void navigate(talkId);
  };

  return (
    <form className="ritual-panel start-talk" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`} className="ritual-section__title">
        Start a talk
      </h2>
      <fieldset className="start-talk__kinds">
        <legend className="field__label">What would you like to talk about?</legend>
        {KINDS.map((option) => (
          <label key={option.kind} className="start-talk__kind">
            <input
              type="radio"
              name={`${id}-kind`}
              value={option.kind}
              checked={kind === option.kind}
              onChange={() => setKind(option.kind)}
            />
            <span>
              <span className="start-talk__kind-label">{option.label}</span>
              <span className="start-talk__kind-hint">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {kind === TalkKind.topic && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-topic`}>
            Our topic
          </label>
          <input
            id={`${id}-topic`}
            className="field__input"
            maxLength={TALK_TOPIC_MAX}
            placeholder="How we spend Sundays"
            value={topic}
            onChange={(event) => setTopic(event.target.value)}
          />
        </div>
      )}
      <div className="field start-talk__timer">
        <label className="field__label" htmlFor={`${id}-timer`}>
          A gentle timer for each turn
        </label>
        <select
          id={`${id}-timer`}
          className="field__input"
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        >
          {TIMERS.map((timer) => (
            <option key={timer.value} value={timer.value}>
              {timer.label}
            </option>
          ))}
        </select>
        <p className="field__note">It only shows how long a turn has run. Nothing rings, nothing stops.</p>
      </div>
      <FormAlert>{problem ?? (kind === TalkKind.weekly ? weekProblem : null)}</FormAlert>
      <div className="talk-actions">
        <button type="submit" className="button button--primary" disabled={waitingForWeek}>
          {waitingForWeek && !weekProblem ? 'Gathering your week…' : 'Start the talk'}
        </button>
        <span className="ritual-muted">{partner.name} will see it and can join from their own device.</span>
      </div>
    </form>
  );
}
