/**
 * The token a reset or confirmation link carries after `#token=`. It travels in the fragment
 * so it never reaches a server log or a Referer header. Empty when the link is incomplete.
 */
export function linkToken(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}
