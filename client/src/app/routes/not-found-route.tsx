import { Link } from 'react-router';
import { ErrorState } from '@/components/page-state.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';

export function NotFoundRoute() {
  useDocumentTitle('Page not found');
  return (
    <ErrorState title="This page does not exist" message="The link may be old or mistyped.">
      <Link to="/" className="button">
        Go to your space
      </Link>
    </ErrorState>
  );
}
