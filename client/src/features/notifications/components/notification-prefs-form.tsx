import {
  notificationChannelSchema,
  notificationKinds,
  type NotificationChannel,
  type NotificationPrefs,
} from '@twofold/shared';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useSaveNotificationPrefs } from '../api/notifications.ts';
import {
  browserTimeZone,
  channelLabels,
  kindLabels,
  minutesToTime,
  timeToMinutes,
} from '../model/kind-labels.ts';

const DEFAULT_QUIET = { start: 22 * 60, end: 8 * 60 };

/**
 * What tells the person, how, and when not to. Saved as a whole; the time zone saved is
 * this browser's, so quiet hours follow the clock of the person holding it.
 */
export function NotificationPrefsForm({ saved }: { saved: NotificationPrefs }) {
  const save = useSaveNotificationPrefs();
  const [prefs, setPrefs] = useState(saved);
  const [quietOn, setQuietOn] = useState(saved.quietHours !== null);
  const [quiet, setQuiet] = useState(saved.quietHours ?? DEFAULT_QUIET);
  const zone = browserTimeZone();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ ...prefs, quietHours: quietOn ? quiet : null, timeZone: zone });
  }
  const setKind = (kind: keyof NotificationPrefs['kinds'], channel: NotificationChannel) => {
    save.reset();
    setPrefs((current) => ({ ...current, kinds: { ...current.kinds, [kind]: channel } }));
  };
  const setTime = (edge: 'start' | 'end', value: string) => {
    const minutes = timeToMinutes(value);
    if (minutes !== null) setQuiet((current) => ({ ...current, [edge]: minutes }));
  };

  return (
    <form className="form notify-form" onSubmit={onSubmit} noValidate>
      <fieldset className="notify-kinds">
        <legend className="notify-form__legend">What tells you</legend>
        {notificationKinds.map((kind) => (
          <label key={kind} className="notify-kind">
            <span className="notify-kind__label">{kindLabels[kind]}</span>
            <select
              className="field__input notify-kind__select"
              value={prefs.kinds[kind]}
              onChange={(event) => setKind(kind, notificationChannelSchema.parse(event.target.value))}
            >
              {notificationChannelSchema.options.map((channel) => (
                <option key={channel} value={channel}>
                  {channelLabels[channel]}
                </option>
              ))}
            </select>
          </label>
        ))}
        <p className="field__note">Email comes at most once a day, around 18:00, as one short note.</p>
      </fieldset>

      <label className="notify-check">
        <input
          type="checkbox"
          checked={prefs.showDetails}
          onChange={(event) => setPrefs({ ...prefs, showDetails: event.target.checked })}
        />
        <span>
          Say who and what happened (“Sam sent you a letter”)
          <span className="field__note">
            When this is off, a notification says only “Something new in Twofold”. Your partner’s words are
            never in one.
          </span>
        </span>
      </label>

      <fieldset className="notify-quiet">
        <legend className="notify-form__legend">Quiet hours</legend>
        <label className="notify-check">
          <input type="checkbox" checked={quietOn} onChange={(event) => setQuietOn(event.target.checked)} />
          <span>Hold notifications overnight and send them in the morning</span>
        </label>
        {quietOn && (
          <div className="notify-quiet__times">
            <label className="field">
              <span className="field__label">From</span>
              <input
                className="field__input"
                type="time"
                value={minutesToTime(quiet.start)}
                onChange={(event) => setTime('start', event.target.value)}
              />
            </label>
            <label className="field">
              <span className="field__label">Until</span>
              <input
                className="field__input"
                type="time"
                value={minutesToTime(quiet.end)}
                onChange={(event) => setTime('end', event.target.value)}
              />
            </label>
          </div>
        )}
        <p className="field__note">Times are in {zone.replaceAll('_', ' ')}.</p>
      </fieldset>

      <FormAlert>{save.isError && apiErrorInfo(save.error).message}</FormAlert>
      {save.isSuccess && (
        <p className="account-success" role="status">
          Your notification settings are saved.
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save notification settings'}
        </button>
      </div>
    </form>
  );
}
