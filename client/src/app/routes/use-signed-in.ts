import { useMe, type Me } from '@/lib/session/me.ts';

/** The signed-in person, for routes rendered inside `RequireAuth` (which guarantees one). */
export function useSignedIn(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedIn used outside RequireAuth');
  return data;
}
