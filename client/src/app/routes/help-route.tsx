import { useDocumentTitle } from '@/lib/use-document-title.ts';

/** /help — always reachable, signed in or not. */
export function HelpRoute() {
  useDocumentTitle('Get help');
  return (
    <div className="page">
      <h1 className="page__title">Get help</h1>
    </div>
  );
}
