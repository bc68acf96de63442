import type { Member } from '@twofold/shared';
import { useParams } from 'react-router';
import type * as Y from 'yjs';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useCreateLetterPair } from '../api/letters.ts';
import { LETTER_PROMPTS, PROMPT_GROUPS, type LetterPrompt } from '../model/prompts.ts';
import { useCreateLetterDraft } from '../hooks/use-create-letter-draft.ts';
import { BackToLetters } from './back-to-letters.tsx';

interface Props {
  privateDoc: Y.Doc;
  partner: Member | null;
}

/** /letters/new: a blank page, or a prompt to write alone or together. */
export function NewLetter({ privateDoc, partner }: Props) {
  const { spaceId = '' } = useParams();
  const createPair = useCreateLetterPair(spaceId);
  const partnerName = partner?.name ?? 'your partner';

  const openDraft = useCreateLetterDraft(privateDoc);
  const writeTogether = (prompt: LetterPrompt) =>
    createPair.mutate(prompt.title, {
      onSuccess: ({ pair }) => openDraft({ title: prompt.title, prompt: prompt.title, pairId: pair.id }),
    });

  return (
    <div className="page letters">
      <BackToLetters />
      <header className="page__header">
        <h1 className="page__title">A new letter</h1>
        <p className="lead">
          Your draft is private until you send it. Start on a blank page, or let a prompt guide you. “Write
          together” asks {partnerName} to write on the same prompt; neither of you reads the other’s letter
          until both are sealed.
        </p>
      </header>
      <div>
        <button type="button" className="button" onClick={() => openDraft({})}>
          Start on a blank page
        </button>
      </div>
      <FormAlert>{createPair.isError ? apiErrorInfo(createPair.error).message : null}</FormAlert>
      {PROMPT_GROUPS.map((group) => (
        <section key={group.id} className="letters__section" aria-labelledby={`prompts-${group.id}`}>
          <h2 id={`prompts-${group.id}`} className="section-title">
            {group.title}
          </h2>
          <ul className="prompt-list">
            {LETTER_PROMPTS.filter((prompt) => prompt.group === group.id).map((prompt) => (
              <li key={prompt.id} className="prompt-card" data-testid="letter-prompt">
                <h3 className="prompt-card__title">{prompt.title}</h3>
                <p className="prompt-card__intro">{prompt.intro}</p>
                <div className="prompt-card__actions">
                  <button
                    type="button"
                    className="button button--primary"
                    aria-label={`Write “${prompt.title}”`}
                    onClick={() => openDraft({ title: prompt.title, prompt: prompt.title })}
                  >
                    Write
                  </button>
                  {partner && (
                    <button
                      type="button"
                      className="button"
                      disabled={createPair.isPending}
                      onClick={() => writeTogether(prompt)}
                    >
                      {/* The name starts with the visible words and adds hidden context after
                          them, never an aria-label that leaves out what is seen: voice control
                          says what it sees ("click Write together"). */}
                      Write together
                      <span className="visually-hidden">
                        on “{prompt.title}” with {partner.name}
                      </span>
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
