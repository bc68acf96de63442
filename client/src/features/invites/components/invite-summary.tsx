import type { InvitePreview } from '@twofold/shared';

/** "Alex invited you to join “Alex & Sam”", as the page's heading. */
export function InviteSummary({ invite }: { invite: InvitePreview }) {
  return (
    <header className="join__header">
      <p className="eyebrow">An invitation</p>
      <h1 className="join__title">
        {invite.invitedBy} invited you to join “{invite.spaceName}”
      </h1>
      <p className="lead">
        A shared space for the two of you: a letter you write together, live, and notes only you can see.
      </p>
    </header>
  );
}
