import { CounsellorPrint } from '@/features/counsellor-print/components/counsellor-print.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/print — a clean printed copy for a counsellor. */
export function PrintRoute() {
  const { space } = useSpaceOutlet();
  useDocumentTitle(`${space.name} · for a counsellor`);
  return <CounsellorPrint spaceId={space.id} />;
}
