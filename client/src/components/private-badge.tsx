import type { ReactNode } from 'react';

/** A small lock and a sentence saying who can see this page: only its owner. */
export function PrivateBadge({ children }: { children: ReactNode }) {
  return (
    <p className="private-badge">
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
        <rect x="4" y="9" width="12" height="8" rx="2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M7 9V6.5a3 3 0 0 1 6 0V9" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
      {children}
    </p>
  );
}
