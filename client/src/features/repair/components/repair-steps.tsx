import { REPAIR_STEPS, repairPartSchema, type RepairPart } from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { fieldsLike, tabDraftKey, useTabDraft } from '@/lib/tab-draft.ts';
import { useWriteRepairPart } from '../api/repairs.ts';

interface Props {
  spaceId: string;
  repairId: string;
  selfId: string;
  partnerName: string;
}

const EMPTY: RepairPart = { felt: '', trigger: '', myPart: '', need: '' };

const readDraft = fieldsLike(EMPTY, repairPartSchema);

/** Where this tab keeps `selfId`'s unsent side of a repair (lib/tab-draft.ts). */
export const repairDraftKey = (selfId: string, repairId: string) => tabDraftKey(selfId, 'repair', repairId);

/**
 * Walks this member through their side one step at a time, then sends it whole. Once sent it
 * cannot be changed, so the last step says so before sending.
 */
export function RepairSteps({ spaceId, repairId, selfId, partnerName }: Props) {
  // Kept through a reload in this tab until sent (lib/tab-draft.ts).
  const [part, setPart, clearDraft] = useTabDraft(repairDraftKey(selfId, repairId), EMPTY, readDraft);
  const [index, setIndex] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const write = useWriteRepairPart(spaceId, repairId, clearDraft);
  const id = useId();

  const step = REPAIR_STEPS[index] ?? REPAIR_STEPS[0];
  if (!step) return null;
  const last = index === REPAIR_STEPS.length - 1;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!part[step.key].trim()) {
      setProblem('Write a few words; “I don’t know yet” is fine too.');
      return;
    }
    setProblem(null);
    if (!last) {
      setIndex(index + 1);
      return;
    }
    const parsed = repairPartSchema.safeParse(part);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Something is missing.');
      return;
    }
    write.mutate(parsed.data, { onError: (error) => setProblem(apiErrorInfo(error).message) });
  };

  return (
    <form className="form ritual-panel repair-steps" onSubmit={onSubmit} aria-label="Your side">
      <p className="repair-steps__progress">
        Step {index + 1} of {REPAIR_STEPS.length} · only you can see this for now
      </p>
      <div className="field">
        <label className="field__label repair-steps__label" htmlFor={`${id}-${step.key}`}>
          {step.label}
        </label>
        <p className="field__note" id={`${id}-${step.key}-hint`}>
          {step.hint}
        </p>
        <textarea
          key={step.key}
          id={`${id}-${step.key}`}
          className="field__input repair-steps__text"
          rows={5}
          aria-describedby={`${id}-${step.key}-hint`}
          value={part[step.key]}
          onChange={(event) => setPart({ ...part, [step.key]: event.target.value })}
        />
      </div>
      <FormAlert>{problem}</FormAlert>
      {last && (
        <p className="field__note">
          Once sent, your side stays as it is. {partnerName} sees it only when they have written theirs, and
          you see theirs at the same moment.
        </p>
      )}
      <div className="repair-steps__actions">
        {index > 0 && (
          <button type="button" className="button button--quiet" onClick={() => setIndex(index - 1)}>
            Back
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={write.isPending}>
          {last ? (write.isPending ? 'Sealing…' : 'Seal my side') : 'Next'}
        </button>
      </div>
    </form>
  );
}
