import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useMe } from '@/lib/session/me.ts';
import { wasSignedOutElsewhere } from '@/lib/session/signed-out-notice.ts';
import { WelcomeRoute } from './welcome-route.tsx';

/**
 * Lets signed-in people through; welcomes a visitor at `/`; sends everyone else to log in, and
 * back here afterwards.
 */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.data) return <Outlet />;
  if (me.data === null) {
    // A first visit to the front door is welcomed, not asked to log in.
    if (location.pathname === '/' && !wasSignedOutElsewhere()) return <WelcomeRoute />;
    const next =
      location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (me.isError) {
    return (
      <ErrorState
        title="We could not open Twofold"
        message={apiErrorInfo(me.error).message}
        onRetry={() => void me.refetch()}
      />
    );
  }
  return <LoadingState label="Opening Twofold…" />;
}
