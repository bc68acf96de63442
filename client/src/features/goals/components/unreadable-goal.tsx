/** Shown in place of a goal whose stored shape is broken; it is kept, never deleted. */
export function UnreadableGoal() {
  return (
    <div className="unreadable" role="note">
      <p className="unreadable__title">This goal could not be read</p>
      <p className="unreadable__text">
        It was saved in a shape Twofold does not understand, perhaps by an older or faulty app. It has not
        been deleted, and nothing else is affected.
      </p>
    </div>
  );
}
