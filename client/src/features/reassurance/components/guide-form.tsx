import { reassuranceGuideSchema, type ReassuranceGuideView } from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { formatMoment } from '@/lib/dates.ts';
import { useSaveGuide } from '../api/reassurance.ts';

/** This person's own guide, written at a calm time and saved on the server; says whether it is saved. */
export function GuideForm({
  spaceId,
  guide,
  partnerName,
}: {
  spaceId: string;
  guide: ReassuranceGuideView | undefined;
  partnerName: string;
}) {
  const [helps, setHelps] = useState<string | null>(null);
  const [words, setWords] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveGuide(spaceId);
  const id = useId();
  const value = { helps: helps ?? guide?.helps ?? '', words: words ?? guide?.words ?? '' };
  const dirty = value.helps !== (guide?.helps ?? '') || value.words !== (guide?.words ?? '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = reassuranceGuideSchema.safeParse(value);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'That did not work.');
      return;
    }
    setProblem(null);
    save.mutate(parsed.data, {
      onSuccess: () => {
        setHelps(null);
        setWords(null);
      },
      onError: (error) => setProblem(apiErrorInfo(error).message),
    });
  };
  return (
    <form className="form ritual-panel" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="ritual-section__title">
        Your guide, written at a calm time
      </h2>
      <p className="ritual-muted">
        {partnerName} can read this at any time; it is what they see when you ask.
      </p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-helps`}>
          What helps me when I feel unsure about us
        </label>
        <textarea
          id={`${id}-helps`}
          className="field__input"
          rows={3}
          placeholder="Tell me where you are. Sit with me. Don’t argue with the feeling."
          value={value.helps}
          onChange={(event) => setHelps(event.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-words`}>
          Words I’d like to hear
        </label>
        <textarea
          id={`${id}-words`}
          className="field__input"
          rows={2}
          placeholder="I’m here. I choose you. We’re going to be all right."
          value={value.words}
          onChange={(event) => setWords(event.target.value)}
        />
      </div>
      <FormAlert>{problem}</FormAlert>
      <p className="field__note" role="status">
        {dirty ? 'Not saved yet.' : guide ? `Saved · ${formatMoment(guide.updatedAt)}` : 'Nothing saved yet.'}
      </p>
      <div>
        <button type="submit" className="button button--primary" disabled={save.isPending || !dirty}>
          {save.isPending ? 'Saving…' : 'Save my guide'}
        </button>
      </div>
    </form>
  );
}
