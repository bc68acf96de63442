import { useAppreciations } from '../api/appreciations.ts';

/**
 * The newest appreciation from the partner, for the space home's card: it appears there live,
 * so a note arrives on their screen wherever they are in the space's front page.
 */
export function LatestAppreciation({
  spaceId,
  partner,
}: {
  spaceId: string;
  partner: { id: string; name: string } | null;
}) {
  const list = useAppreciations(spaceId);
  const latest = partner ? list.data?.find((item) => item.authorId === partner.id) : undefined;
  if (!partner || !latest) return null;
  return (
    <span className="latest-appreciation" data-testid="latest-appreciation">
      <span className="latest-appreciation__from">{partner.name} appreciated:</span> {latest.text}
    </span>
  );
}
