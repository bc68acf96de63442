import { ErrorState } from '@/components/page-state.tsx';

/** Shown if a page fails to render. Writing is kept in IndexedDB, so reloading is safe. */
export function RouteError() {
  return (
    <main className="main">
      <ErrorState
        title="Something went wrong on this page"
        message="Nothing you wrote is lost: it is kept on this device. Reloading usually helps."
      >
        <button type="button" className="button button--primary" onClick={() => location.reload()}>
          Reload
        </button>
      </ErrorState>
    </main>
  );
}
