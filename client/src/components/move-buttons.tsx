interface Props {
  /** The item's words, as the buttons' accessible names say them ("Move “Walks” up"). */
  title: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** -1 moves one place up, 1 one place down. */
  onMove: (direction: -1 | 1) => void;
}

/** The up and down buttons beside an item of a reorderable list (the keyboard- and tap-friendly way). */
export function MoveButtons({ title, canMoveUp, canMoveDown, onMove }: Props) {
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move “${title}” up`}
        disabled={!canMoveUp}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move “${title}” down`}
        disabled={!canMoveDown}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
    </>
  );
}
