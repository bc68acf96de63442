/**
 * The Origin rule for mutating requests and WebSocket upgrades: no Origin (a non-browser tool)
 * is judged by its session alone; otherwise it must be the app's own origin (the request's
 * scheme and Host) or one listed in ALLOWED_ORIGINS.
 */
export function isAllowedOrigin(
  origin: string | undefined | null,
  ownOrigin: string,
  allowedOrigins: readonly string[],
): boolean {
  if (origin === undefined || origin === null) return true;
  return origin === ownOrigin || allowedOrigins.includes(origin);
}
