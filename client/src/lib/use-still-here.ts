import { useCallback, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Whether the person is still at the address this page was opened at: check it before moving
 * them on when a request answers. A navigation is a React transition (app/router.tsx): the
 * address changes at once, but the page being left stays mounted until the next one is ready
 * (its chunk may take seconds on a slow phone), so an answer arriving meanwhile must not pull
 * them back from where they chose to go. The function is stable across renders.
 */
export function useStillHere(): () => boolean {
  const { pathname } = useLocation();
  const here = useRef(pathname);
  const mounted = useRef(true);
  useEffect(() => {
    here.current = pathname;
  }, [pathname]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return useCallback(() => mounted.current && window.location.pathname === here.current, []);
}
