import type { ReactNode } from 'react';

/** A quiet placeholder while something loads. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className="page-state" aria-busy="true">
      <div className="skeleton" aria-hidden="true">
        <span className="skeleton__line skeleton__line--title" />
        <span className="skeleton__line" />
        <span className="skeleton__line skeleton__line--short" />
      </div>
      <p className="page-state__text">{label}</p>
    </div>
  );
}

interface ErrorStateProps {
  title: string;
  message: string;
  onRetry?: () => void;
  children?: ReactNode;
}

/** A plain sentence about what went wrong, with a way forward. */
export function ErrorState({ title, message, onRetry, children }: ErrorStateProps) {
  return (
    <div className="page-state page-state--error" role="alert">
      <h1 className="page-state__title">{title}</h1>
      <p className="page-state__text">{message}</p>
      <div className="page-state__actions">
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        )}
        {children}
      </div>
    </div>
  );
}
