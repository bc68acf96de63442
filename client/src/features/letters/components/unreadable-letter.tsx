/** Shown in place of a letter this device cannot show; the letter itself is kept as it was sent. */
export function UnreadableLetter() {
  return (
    <p className="letter-item__unreadable" role="note" data-testid="letter-unreadable">
      This letter can’t be shown here. It is kept exactly as it was sent.
    </p>
  );
}
