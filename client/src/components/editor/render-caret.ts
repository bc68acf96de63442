const FALLBACK_COLOR = '#7a6a5f';
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * Draws the partner's caret with their name. The awareness state it comes from is whatever
 * the other client sent, so the name is written as text (never HTML), cut to a sane length,
 * and an unusable colour falls back to a neutral one. The class names are TipTap's defaults.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = typeof user.name === 'string' && user.name.trim() ? user.name.slice(0, 80) : 'Your partner';
  const color = typeof user.color === 'string' && HEX_COLOR.test(user.color) ? user.color : FALLBACK_COLOR;
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.textContent = name;
  caret.append(label);
  return caret;
}
