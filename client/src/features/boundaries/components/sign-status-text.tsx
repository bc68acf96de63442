import type { BoundaryStatus } from '@twofold/shared';
import { formatMoment } from '@/lib/dates.ts';

interface Props {
  status: BoundaryStatus;
  partnerName: string | null;
  /** Whether this person may still delete the draft (nobody has signed it). */
  deletable: boolean | null;
}

/** One sentence saying where the agreement stands, in this person's words. */
export function SignStatusText({ status, partnerName, deletable }: Props) {
  const partner = partnerName ?? 'your partner';
  const Partner = partnerName ?? 'Your partner';
  switch (status.kind) {
    case 'draft':
      return (
        <p className="sign-panel__text">
          Nobody has signed this yet. Shape it together; when it says what you both mean, sign it.
          {deletable && ' If it is not for you after all, either of you can delete it.'}
        </p>
      );
    case 'waiting-for-you':
      return (
        <p className="sign-panel__text">
          {Partner} has signed this text. Read it and sign when you are ready — or change it, and you can both
          sign the new words.
        </p>
      );
    case 'waiting-for-partner':
      return (
        <p className="sign-panel__text">
          You signed this text. It becomes your agreement when {partner} signs it too.
        </p>
      );
    case 'changed':
      return (
        <p className="sign-panel__text">
          This changed after you both agreed, so it needs both signatures again. The earlier version is kept
          below.
        </p>
      );
    case 'agreed':
      return <p className="sign-panel__text">You both agreed to this on {formatMoment(status.at)}.</p>;
    case 'retire-proposed':
      return status.by === 'you' ? (
        <p className="sign-panel__text">
          You proposed retiring this boundary. It retires when {partner} agrees too.
        </p>
      ) : (
        <p className="sign-panel__text">
          {Partner} proposed retiring this boundary. It retires only if you agree.
        </p>
      );
    case 'retired':
      return (
        <p className="sign-panel__text">
          You both retired this boundary on {formatMoment(status.at)}. It stays here as a record of what you
          once agreed.
        </p>
      );
  }
}
