import { Navigate, useNavigate } from 'react-router';
import { CreateSpaceForm } from '@/features/spaces/components/create-space-form.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useStillHere } from '@/lib/use-still-here.ts';
import { useSignedIn } from './use-signed-in.ts';

/** Opens the person's space, or helps them make one. */
export function HomeRoute() {
  useDocumentTitle('');
  const me = useSignedIn();
  const navigate = useNavigate();
  const stillHere = useStillHere();
  const first = me.spaces[0];
  if (first) return <Navigate to={`/spaces/${first.id}`} replace />;
  return (
    <div className="narrow">
      <p className="eyebrow">Welcome, {me.user.name}</p>
      <h1 className="page__title">Make a space for the two of you</h1>
      <p className="lead">
        Everything you write together lives in one shared space. Give it a name you both recognise; you can
        invite your partner next.
      </p>
      <section className="card">
        <CreateSpaceForm
          placeholder={`${me.user.name} & …`}
          onCreated={(spaceId) => {
            if (stillHere()) void navigate(`/spaces/${spaceId}`);
          }}
        />
      </section>
    </div>
  );
}
