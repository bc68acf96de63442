import { takeTurn, TurnEventType, TurnPhase, type Presence, type Talk } from '@twofold/shared';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { LazyCollabEditor } from '@/components/editor/lazy-collab-editor.tsx';
import type { NameOf } from '../model/talk-words.ts';
import { GentleTimer } from './gentle-timer.tsx';
import { WritingHelp } from './writing-help.tsx';

interface Props {
  doc: Y.Doc;
  talk: Talk;
  selfId: string;
  nameOf: NameOf;
  caret: { provider: WebsocketProvider; user: Presence['user'] };
}

/** "Who has the floor" — the same on both screens: one speaks, the other listens and reflects. */
export function TalkFloor({ doc, talk, selfId, nameOf, caret }: Props) {
  const speaking = talk.speakerId === selfId;
  const listening = talk.listenerId === selfId;
  const speaker = nameOf(talk.speakerId);
  const listener = nameOf(talk.listenerId);
  const act = (type: TurnEventType) => takeTurn(doc, talk.id, { type, by: selfId }, Date.now());

  return (
    <section className="talk-panel talk-floor" aria-labelledby="talk-floor-title" data-phase={talk.phase}>
      <h2 id="talk-floor-title" className="ritual-section__title">
        Speaking and listening
      </h2>
      <p className="talk-floor__who" data-testid="talk-floor-holder">
        {speaking ? 'You have the floor' : `${speaker} has the floor`}
      </p>

      {talk.phase === TurnPhase.speaking && (
        <>
          <p className="talk-floor__guide">
            {speaking
              ? `Say what is on your mind, in your own time. ${listener} is listening. You can write it here too, if that helps.`
              : `Listen to ${speaker}, without answering yet. Next, you will say back what you heard.`}
          </p>
          <LazyCollabEditor
            fragment={talk.said}
            label={speaking ? 'What I want you to hear' : `What ${speaker} wants you to hear`}
            caret={caret}
            readOnly={!speaking}
          />
          {speaking && <WritingHelp fragment={talk.said} />}
          {speaking && (
            <div className="talk-actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => act(TurnEventType.doneSpeaking)}
              >
                I’ve said it for now
              </button>
            </div>
          )}
        </>
      )}

      {talk.phase === TurnPhase.reflecting && (
        <>
          <p className="talk-floor__guide">
            {listening
              ? `Write back what you heard ${speaker} say, in your own words. Not whether you agree: what you heard.`
              : `${listener} is writing back what they heard you say.`}
          </p>
          <Said talk={talk} speaker={speaking ? 'you' : speaker} />
          <LazyCollabEditor
            fragment={talk.heard}
            label="What I heard you say is…"
            caret={caret}
            readOnly={!listening}
          />
          {listening && (
            <div className="talk-actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => act(TurnEventType.shareReflection)}
              >
                Share what I heard
              </button>
            </div>
          )}
        </>
      )}

      {talk.phase === TurnPhase.confirming && (
        <>
          <p className="talk-floor__guide">
            {speaking
              ? `Is this what you meant? If it is, say so, and the floor passes to ${listener}. If something is missing, add to it.`
              : `${speaker} is reading what you heard.`}
          </p>
          <LazyCollabEditor fragment={talk.heard} label="What I heard you say is…" caret={caret} readOnly />
          {speaking && (
            <div className="talk-actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => act(TurnEventType.confirm)}
              >
                Yes, that’s it
              </button>
              <button type="button" className="button" onClick={() => act(TurnEventType.addMore)}>
                I’d like to add something
              </button>
            </div>
          )}
        </>
      )}

      {talk.turnMinutes !== null && talk.phase === TurnPhase.speaking && (
        <GentleTimer key={talk.phaseSince} since={talk.phaseSince} minutes={talk.turnMinutes} />
      )}
    </section>
  );
}

function Said({ talk, speaker }: { talk: Talk; speaker: string }) {
  if (talk.said.length === 0) return null;
  return (
    <details className="talk-floor__said">
      <summary>What {speaker} wrote</summary>
      <LazyCollabEditor fragment={talk.said} label={`What ${speaker} wrote`} readOnly />
    </details>
  );
}
