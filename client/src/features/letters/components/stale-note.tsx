/** Shown above letters kept from the last answer when asking the server again failed. */
export function StaleNote() {
  return (
    <p className="letters__stale" role="status">
      Twofold could not be reached just now, so this shows what this device last knew. It will catch up by
      itself.
    </p>
  );
}
