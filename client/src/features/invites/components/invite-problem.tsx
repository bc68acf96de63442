import type { ReactNode } from 'react';
import { ErrorState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';

const TITLES: Record<number, string> = {
  400: 'This invite link is not valid',
  404: 'This invite link is not valid',
  409: 'This space is already full',
  410: 'This invite can no longer be used',
};

interface Props {
  error: unknown;
  onRetry: () => void;
  children?: ReactNode;
}

/** Says kindly why an invite link cannot be used, in the server's words where it gave some. */
export function InviteProblem({ error, onRetry, children }: Props) {
  const info = apiErrorInfo(error);
  // A malformed code is answered 400 with a validation message meant for developers.
  const message =
    info.status === 400 ? 'The link looks incomplete. Ask your partner to send it again.' : info.message;
  const title = (info.status !== null && TITLES[info.status]) || 'We could not open this invite';
  // Only a failure to reach the server is worth retrying; the others will answer the same.
  const canRetry = info.status === null || info.status >= 500;
  return (
    <ErrorState title={title} message={message} onRetry={canRetry ? onRetry : undefined}>
      {children}
    </ErrorState>
  );
}
