import { useEffect } from 'react';

/** Sets the tab's title, so several open tabs (and screen readers on navigation) can tell pages apart. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Twofold` : 'Twofold';
  }, [title]);
}
