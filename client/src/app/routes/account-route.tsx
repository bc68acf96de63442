import { useDocumentTitle } from '@/lib/use-document-title.ts';

/** /account — where you are signed in, your password, your data. */
export function AccountRoute() {
  useDocumentTitle('Your account');
  return (
    <div className="page">
      <h1 className="page__title">Your account</h1>
    </div>
  );
}
