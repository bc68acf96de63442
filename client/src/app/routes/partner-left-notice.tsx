import type { Space } from '@twofold/shared';
import { Link } from 'react-router';
import { formatLongDay } from '@/lib/dates.ts';

/** The partner has left: the space is this person's alone now, and nothing they shared is gone. */
export function PartnerLeftNotice({ space }: { space: Space }) {
  const last = space.formerMembers.at(-1);
  if (!last) return null;
  return (
    <section className="space-notice" data-testid="partner-left">
      <p className="space-notice__title">
        {last.name} left this space on {formatLongDay(last.leftAt)}. It is yours alone now.
      </p>
      <p>
        What {last.name} shared is still here, marked as written by a former member. You can invite someone
        new below, or <Link to="settings">close this space</Link>.
      </p>
    </section>
  );
}
