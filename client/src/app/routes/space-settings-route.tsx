import { ExportLinks } from '@/features/space-settings/components/export-links.tsx';
import { ImportExport } from '@/features/space-settings/components/import-export.tsx';
import { LeaveSpace } from '@/features/space-settings/components/leave-space.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/settings — take your words with you, bring them in, or leave. */
export function SpaceSettingsRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle(`${space.name} · settings`);
  return (
    <div className="page settings">
      <header className="page__header">
        <h1 className="page__title">This space</h1>
        <p className="lead">Your words are yours: keep a copy, bring them to a counsellor, or leave.</p>
      </header>
      <ExportLinks spaceId={space.id} />
      <ImportExport spaceId={space.id} userId={self.id} members={space.members} docs={docs} />
      <LeaveSpace spaceId={space.id} userId={self.id} partnerName={partner?.name ?? null} />
    </div>
  );
}
