import { CloseCode } from '@twofold/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { splittingWebSocket } from '../../client/src/lib/yjs/splitting-socket.ts';
import { SyncTracker } from '../../client/src/lib/yjs/sync-tracker.ts';
import { pairUp } from '../helpers/http.ts';
import { connect, socketClassWith } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const FRAME_LIMIT = 64 * 1024;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ maxFrameBytes: FRAME_LIMIT });
});
afterAll(() => server.close());

it('delivers a catch-up larger than the frame limit in parts, with no refusal, and confirms it stored', async () => {
  const { alex, sam, spaceId } = await pairUp(server.url);
  const partner = connect(server.url, spaceId, sam.cookie);
  await partner.synced();

  // Written offline on Alex's device: many paragraphs and one very long one, with deletions,
  // about four times what one frame may carry.
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    server.url.replace(/^http/, 'ws') + `/api/spaces/${spaceId}`,
    'sync',
    doc,
    {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: splittingWebSocket(
        socketClassWith({ cookie: alex.cookie }) as unknown as typeof globalThis.WebSocket,
        { splitAboveBytes: FRAME_LIMIT / 2, partBytes: FRAME_LIMIT / 4 },
      ),
    },
  );
  const tracker = new SyncTracker(provider);
  const closes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  const letter = doc.getXmlFragment('offline-letter');
  for (let i = 0; i < 60; i++) {
    letter.insert(letter.length, [new Y.XmlText(`Paragraph ${i}. ${'Written on the train. '.repeat(100)}`)]);
  }
  letter.insert(0, [new Y.XmlText('One long breath 💛 '.repeat(6_000))]);
  letter.delete(5, 3);
  expect(Y.encodeStateAsUpdate(doc).byteLength).toBeGreaterThan(3 * FRAME_LIMIT);

  try {
    provider.connect();
    await waitFor(() => provider.synced && !tracker.getState().pending, { message: 'everything stored' });
    await waitFor(() => partner.doc.getXmlFragment('offline-letter').toString() === letter.toString(), {
      message: 'the partner has every word',
    });
    expect(closes).not.toContain(CloseCode.frameTooLarge);
    expect(closes).toEqual([]);
  } finally {
    tracker.destroy();
    provider.destroy();
    partner.destroy();
  }
});
