import type { InvitePreview } from '@twofold/shared';

/** "Alex invited you to join “Alex & Sam”", as the page's heading, and what the space holds. */
export function InviteSummary({ invite }: { invite: InvitePreview }) {
  return (
    <header className="join__header">
      <p className="eyebrow">An invitation</p>
      <h1 className="join__title">
        {invite.invitedBy} invited you to join “{invite.spaceName}”
      </h1>
      <p className="lead">
        A private space for the two of you, to rebuild and strengthen trust at your own pace. In it you shape
        the boundaries you both agree on, plan the future you want together, write letters to each other —
        some to open together, or on a day you choose — and check in each week. You each also keep private
        notes that only you can see.
      </p>
    </header>
  );
}
