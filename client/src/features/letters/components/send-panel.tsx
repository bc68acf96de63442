import { type LetterDraft, type Member, type SendLetterInput } from '@twofold/shared';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type * as Y from 'yjs';
import { FormAlert } from '@/components/form-alert.tsx';
import { TextField } from '@/components/text-field.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { dayStart, formatDay, today } from '@/lib/dates.ts';
import { useStillHere } from '@/lib/use-still-here.ts';
import { useSendLetter } from '../api/letters.ts';

interface Props {
  draft: LetterDraft;
  privateDoc: Y.Doc;
  partner: Member | null;
}

type When = 'now' | 'date';

function tomorrow(): string {
  const next = new Date();
  next.setDate(next.getDate() + 1);
  return today(next);
}

/** The words of the draft as the server keeps them: the editor's JSON and the plain text. */
async function bodyOf(draft: LetterDraft): Promise<SendLetterInput['body']> {
  // Loaded with the editor, so it costs nothing extra by the time someone sends.
  const { yXmlFragmentToProsemirrorJSON } = await import('@tiptap/y-tiptap');
  const doc = yXmlFragmentToProsemirrorJSON(draft.body) as SendLetterInput['body']['doc'];
  return { doc, text: draft.plain };
}

/**
 * Sending: a letter sent now, one sealed until a day, or — for a shared prompt — sealed until
 * both have written. Whatever is chosen, once it leaves nobody can change it, so it says so.
 */
export function SendPanel({ draft, privateDoc, partner }: Props) {
  const navigate = useNavigate();
  const { spaceId = '' } = useParams();
  // Move on to the sent letter only if the person is still here when the server answers.
  const stillHere = useStillHere();
  const send = useSendLetter(spaceId, privateDoc, (letter) => {
    if (!stillHere()) return;
    // A letter sealed together goes to its pair's page: if it was the second, that page is
    // the moment both open, with the partner's words first.
    const next = letter.pairId ? `together/${letter.pairId}` : letter.id;
    void navigate(`/spaces/${spaceId}/letters/${next}`, { replace: true });
  });
  const [when, setWhen] = useState<When>('now');
  const [day, setDay] = useState(tomorrow());
  const [problem, setProblem] = useState<string | null>(null);
  // Set from the first click until the server answers, so a double click sends one letter.
  const sending = useRef(false);
  const partnerName = partner?.name ?? 'your partner';
  const together = draft.pairId !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!draft.title.trim()) return setProblem('Give your letter a title.');
    if (!draft.plain) return setProblem('A letter needs some words before it can be sent.');
    if (!together && when === 'date' && day < tomorrow()) return setProblem('Choose a day from tomorrow on.');
    if (sending.current) return;
    sending.current = true;
    const seal: SendLetterInput['seal'] = draft.pairId
      ? { kind: 'together', pairId: draft.pairId }
      : when === 'date'
        ? { kind: 'date', opensAt: dayStart(day)?.getTime() ?? 0 }
        : null;
    let body: SendLetterInput['body'];
    try {
      body = await bodyOf(draft);
    } catch {
      sending.current = false;
      return setProblem('Your letter could not be prepared for sending. Please try again.');
    }
    send.mutate(
      {
        input: { title: draft.title, prompt: draft.prompt, replyTo: draft.replyTo, body, seal },
        draftId: draft.id,
      },
      {
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  if (!partner) {
    return (
      <p className="letter-send letter-send__note">
        Your draft is kept. You can send it once your partner has joined this space.
      </p>
    );
  }

  const label = together
    ? 'Seal my letter'
    : when === 'date'
      ? `Seal until ${formatDay(day)}`
      : `Send to ${partnerName}`;
  return (
    <form className="letter-send" onSubmit={(event) => void submit(event)}>
      <h2 className="section-title">
        {together ? 'Seal your letter' : draft.replyTo ? 'Send your reply' : 'Send'}
      </h2>
      {together ? (
        <p className="letter-send__note">
          Once sealed, nobody can change it. {partnerName} reads it only when both of you have sealed yours,
          and you read theirs at the same moment.
        </p>
      ) : (
        <fieldset className="letter-send__when">
          <legend className="field__label">When should {partnerName} read it?</legend>
          <label className="letter-send__choice">
            <input type="radio" name="when" checked={when === 'now'} onChange={() => setWhen('now')} />
            As soon as I send it
          </label>
          <label className="letter-send__choice">
            <input type="radio" name="when" checked={when === 'date'} onChange={() => setWhen('date')} />
            On a day I choose
          </label>
          {when === 'date' && (
            <TextField
              label="Opens on"
              type="date"
              className="letter-send__day"
              value={day}
              min={tomorrow()}
              onChange={(event) => setDay(event.target.value)}
              hint={`${partnerName} will see that a letter is waiting and the day it opens, never its words before then.`}
            />
          )}
          <p className="letter-send__note">
            Once sent, a letter cannot be changed; you can always write a reply.
          </p>
        </fieldset>
      )}
      <FormAlert>{problem ?? (send.isError ? apiErrorInfo(send.error).message : null)}</FormAlert>
      <div>
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? 'Sending…' : label}
        </button>
      </div>
    </form>
  );
}
