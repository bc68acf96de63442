import { Link, Outlet } from 'react-router';
import { BrandMark } from '@/components/brand-mark.tsx';
import { NewSignInNotice } from '@/features/account/components/new-sign-in-notice.tsx';
import { LogoutButton } from '@/features/auth/components/logout-button.tsx';
import { QuickExitButton } from '@/features/safety/components/quick-exit-button.tsx';
import { useMe } from '@/lib/session/me.ts';

/** The header (home link, who is signed in, log out) above every page. */
export function RootLayout() {
  const { data: me } = useMe();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="brand">
            <BrandMark />
            <span className="brand__name">Twofold</span>
          </Link>
          <nav className="header__nav" aria-label="Account and help">
            <Link to="/help" className="header__link">
              Get help
            </Link>
            <QuickExitButton />
          </nav>
          {me && (
            <div className="header__account">
              <Link to="/account" className="header__name">
                {me.user.name}
              </Link>
              <LogoutButton userId={me.user.id} spaceIds={me.spaces.map((space) => space.id)} />
            </div>
          )}
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {me && !me.fromDevice && <NewSignInNotice />}
        <Outlet />
      </main>
    </div>
  );
}
