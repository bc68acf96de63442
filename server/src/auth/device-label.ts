/**
 * A short, human name for the device behind a User-Agent ("Firefox on Windows", "Safari on
 * iPhone"). It is a hint for recognising one's own devices, not an identification: anything
 * unrecognised reads "Unknown browser".
 */
export function deviceLabel(userAgent: string): string {
  const browser = browserOf(userAgent);
  const system = systemOf(userAgent);
  if (!browser && !system) return 'Unknown browser';
  if (!system) return browser ?? 'Unknown browser';
  return `${browser ?? 'A browser'} on ${system}`;
}

function browserOf(ua: string): string | undefined {
  if (/Edg(e|A|iOS)?\//.test(ua)) return 'Edge';
  if (/OPR\/|Opera/.test(ua)) return 'Opera';
  if (/SamsungBrowser\//.test(ua)) return 'Samsung Internet';
  if (/Firefox\/|FxiOS\//.test(ua)) return 'Firefox';
  if (/Chrome\/|CriOS\/|Chromium\//.test(ua)) return 'Chrome';
  if (/Safari\//.test(ua) && /Version\//.test(ua)) return 'Safari';
  return undefined;
}

function systemOf(ua: string): string | undefined {
  if (/iPhone/.test(ua)) return 'iPhone';
  if (/iPad/.test(ua)) return 'iPad';
  if (/Android/.test(ua)) return 'Android';
  if (/CrOS/.test(ua)) return 'ChromeOS';
  if (/Windows/.test(ua)) return 'Windows';
  if (/Mac OS X|Macintosh/.test(ua)) return 'Mac';
  if (/Linux/.test(ua)) return 'Linux';
  return undefined;
}
