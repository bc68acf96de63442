/** Twofold's mark, two interlinked rings, drawn inline so it follows the colour scheme. */
export function BrandMark() {
  return (
    <svg
      className="brand-mark"
      viewBox="8 15 48 34"
      width="34"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <circle className="brand-mark__first" cx="25" cy="32" r="14" />
      <circle className="brand-mark__second" cx="39" cy="32" r="14" />
      <path className="brand-mark__first" d="M28.62 18.48A14 14 0 0 1 39 32" />
    </svg>
  );
}
