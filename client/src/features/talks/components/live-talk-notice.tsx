import { TalkStatus } from '@twofold/shared';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { useTalks } from '../hooks/use-talks.ts';
import { talkTitle } from '../model/talk-words.ts';

/** On the space home: a talk the partner started, to join from here. Shows nothing otherwise. */
export function LiveTalkNotice({
  doc,
  selfId,
  partnerName,
}: {
  doc: Y.Doc;
  selfId: string;
  partnerName: string | null;
}) {
  const talk = useTalks(doc).find((entry) => entry.readable && entry.status === TalkStatus.live);
  if (!talk?.readable) return null;
  const byPartner = talk.createdBy !== selfId;
  return (
    <p className="live-talk-notice" data-testid="live-talk-notice">
      {byPartner
        ? `${partnerName ?? 'Your partner'} started “${talkTitle(talk)}”. `
        : `“${talkTitle(talk)}” is open. `}
      <Link to={`talks/${talk.id}`}>{byPartner ? 'Join' : 'Back to it'}</Link>
    </p>
  );
}
