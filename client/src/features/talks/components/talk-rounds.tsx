import type { Talk } from '@twofold/shared';
import type { NameOf } from '../model/talk-words.ts';

/** The turns so far: each time one of them was heard, in the listener's words. */
export function TalkRounds({ talk, nameOf }: { talk: Talk; nameOf: NameOf }) {
  if (talk.rounds.length === 0) return null;
  return (
    <section className="talk-panel" aria-labelledby="talk-rounds-title">
      <h2 id="talk-rounds-title" className="ritual-section__title">
        {talk.status === 'live' ? 'Heard so far' : 'What you heard from each other'}
      </h2>
      <ol className="talk-rounds">
        {talk.rounds.map((round) => {
          const speaker = nameOf(round.speakerId);
          return (
            <li key={`${round.round}-${round.at}`} className="talk-rounds__item" data-testid="talk-round">
              <p className="talk-rounds__who">
                {speaker === 'You' ? 'You were heard' : `${speaker} was heard`}
              </p>
              {round.heard && <p className="talk-rounds__words">{round.heard}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
