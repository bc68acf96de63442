import type { PerMessageDeflateOptions } from 'ws';

/**
 * WebSocket permessage-deflate for the sync sockets, set so that it cannot be turned into a
 * memory or CPU attack.
 *
 * Why: a year of a couple's shared document is about 420 KB as a Yjs update, all of it sent
 * as one sync step 2 when a device opens the space; on a phone's fast 3G (1.6 Mbps) that is
 * two seconds. Deflated with the settings below it is about 70 KB (a sixth). Keystrokes are a
 * few dozen bytes and stay uncompressed (`threshold`).
 *
 * What it costs, and the budget:
 * - Memory. `ws` keeps one zlib stream per direction per connection for the connection's life
 *   (reset, not freed, between messages), created on first use. zlib's deflate state is
 *   2^(windowBits+2) + 2^(memLevel+9) bytes and its inflate state 2^windowBits + ~7 KB, so with
 *   windows of 2^13 and memLevel 4 a connection holds at most about 40 KB + 15 KB, against
 *   256 KB + 40 KB with zlib's defaults (windowBits 15, memLevel 8). An account may hold 16
 *   sockets (SYNC_SOCKETS_PER_ACCOUNT), so under 1 MB of zlib state per account. The client's
 *   window is bounded by negotiation (`clientMaxWindowBits`); a client that cannot accept the
 *   bound gets an uncompressed connection, which still works.
 * - Decompression bombs. `ws` counts the *decompressed* length of every message against
 *   `maxPayload` (MAX_FRAME_BYTES) while inflating and closes with 1009 past it, and the
 *   connection's byte budget is spent on the decompressed bytes (upgrade.ts), so the frame and
 *   rate limits in README "Limits" hold on what the server reads, not on what was sent.
 * - Fragmentation. zlib work runs on libuv's pool; `ws` bounds how many run at once
 *   (`concurrencyLimit`) because many concurrent zlib jobs fragment the heap (websockets/ws
 *   #1202, nodejs/node #8871). 2 matches the small machines Twofold runs on.
 * - No context takeover in either direction: each message is compressed on its own, so a
 *   sliding window is not carried (and its history not held) from one message to the next;
 *   the large messages (a first sync) compress well on their own.
 *
 * Level 6 (zlib's default) deflates the year in about 8 ms of pool time; level 1 saves 1–2 ms
 * and sends 18% more.
 */
export const SYNC_PER_MESSAGE_DEFLATE = {
  threshold: 1024,
  concurrencyLimit: 2,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  serverMaxWindowBits: 13,
  clientMaxWindowBits: 13,
  zlibDeflateOptions: { level: 6, memLevel: 4 },
  zlibInflateOptions: { chunkSize: 16 * 1024 },
} as const satisfies PerMessageDeflateOptions;
