/**
 * The in-app path to return to after logging in, from a `?next=` parameter. Anything that is
 * not a plain same-site path (another origin, `//host`, a backslash trick) becomes "/".
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  return next;
}
