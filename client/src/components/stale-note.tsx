/**
 * Shown above what a page kept from its last answer when asking the server again failed (offline,
 * the server restarting, a 429). The page keeps showing that answer, and whatever the person was
 * typing stays where it is: an error state in its place would throw both away. The space's event
 * stream refreshes everything when it reconnects, so the page catches up without a reload.
 */
export function StaleNote() {
  return (
    <p className="stale-note" role="status">
      Twofold could not be reached just now, so this shows what this device last knew. It will catch up by
      itself.
    </p>
  );
}
