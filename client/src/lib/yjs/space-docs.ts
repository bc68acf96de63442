import { syncBasePath, type Presence } from '@twofold/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { docNames } from './doc-names.ts';
import { fetchFirstCopy, isEmptyDoc } from './first-copy.ts';
import { openWhenReady } from './open-when-ready-socket.ts';
import { backOffAfterRefusals } from './refusal-backoff.ts';
import { splittingWebSocket } from './splitting-socket.ts';
import { combineStatus, statusOf, type SyncStatus } from './sync-status.ts';
import { SyncTracker } from './sync-tracker.ts';
import { clearUnsynced, markUnsynced } from './unsynced-marks.ts';

/** If IndexedDB never answers (disabled storage), connect anyway after this long. */
const LOCAL_LOAD_TIMEOUT_MS = 3000;
/** How long a device holding nothing waits for the server's greeting before asking for its first copy (ms). */
const GREETING_WAIT_MS = 5000;
const SESSION_ENDED = 4401;
/** The key, in the document's IndexedDB database, that says its first copy was asked for. */
const FIRST_COPY_ASKED = 'first-copy-asked';
/** The document reached its storage quota (CloseCode.spaceFull); y-websocket does not retry. */
const SPACE_FULL = 4413;

export interface SpaceDocsSnapshot {
  status: SyncStatus;
  /** Both documents have loaded what this device stored. */
  localLoaded: boolean;
  /** Why the server ended the connection for good, if it did. */
  ended: 'session' | 'membership' | 'full' | null;
}

interface Channel {
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
  /** Settles once IndexedDB has loaded what this device holds (or after LOCAL_LOAD_TIMEOUT_MS). */
  localLoad: Promise<unknown>;
  tracker: SyncTracker;
  backoff: { destroy(): void };
  docName: string;
}

const SplittingWebSocket = splittingWebSocket(WebSocket);

const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms));

function openChannel(docName: string, serverUrl: string, mayConnect: () => boolean): Channel {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(docName, doc);
  const localLoad = Promise.race([persistence.whenSynced, delay(LOCAL_LOAD_TIMEOUT_MS)]);
  // A device holding nothing takes its first copy over HTTP (first-copy.ts) while its socket
  // waits, asked once per device: a document that is still empty afterwards is empty on the
  // server too, and asking again on every visit would only delay its sync. The mark is deleted
  // with the rest of the device's copy. Read as soon as the load is done, so the socket's open
  // does not wait for it; bounded: a stuck IndexedDB must not keep the socket shut.
  let firstCopyAsked = localLoad
    .then(async () => {
      if (!isEmptyDoc(doc) || !persistence.synced) return false;
      return Boolean(await Promise.race([persistence.get(FIRST_COPY_ASKED), delay(LOCAL_LOAD_TIMEOUT_MS)]));
    })
    .catch(() => false);
  const ready = async (open: () => void, greeted: Promise<void>) => {
    await localLoad;
    if (!isEmptyDoc(doc) || (await firstCopyAsked)) return;
    // A room still loading (PostgreSQL loads it asynchronously) gives no copy yet; its greeting
    // says it is whole. Usually already here: it comes with the socket's open. Bounded: the
    // socket's own sync waits for the same load anyway.
    await Promise.race([greeted, delay(GREETING_WAIT_MS)]);
    firstCopyAsked = Promise.resolve(true);
    if (persistence.synced) void persistence.set(FIRST_COPY_ASKED, 1).catch(() => undefined);
    if (await fetchFirstCopy(doc, `${serverUrl}/sync`, copyKey, { origin: provider, whenApplied: open }))
      tracker.syncedByFirstCopy();
  };
  // Names this provider's sockets for the first copy, so no other tab of the session takes it.
  const copyKey = crypto.randomUUID();
  // The socket connects at once but opens for the provider only once local data is loaded
  // (and any first copy applied), so the first exchange with the server already carries what
  // was written offline, and the connection's round trips overlap the load. `?copy=` names this
  // provider's sockets for the first copy. No BroadcastChannel: its name does not include the
  // user, so another account in another tab could otherwise receive this document.
  // Split sockets: a catch-up after much offline writing goes in parts, never one refused frame.
  const provider = new WebsocketProvider(serverUrl, 'sync', doc, {
    connect: false,
    disableBc: true,
    params: { copy: copyKey },
    WebSocketPolyfill: openWhenReady(SplittingWebSocket, ready),
  });
  const tracker = new SyncTracker(provider, [persistence], () => markUnsynced(docName));
  const backoff = backOffAfterRefusals(provider, tracker, { mayConnect });
  return { doc, provider, persistence, localLoad, tracker, backoff, docName };
}

/**
 * A space's two live documents for one member: the shared document (with presence) and the
 * member's private document. Each is kept in IndexedDB under a name scoped to the user and
 * synced over its own WebSocket. Owned by one component through the ref-counted cache in
 * `space-docs-cache.ts`; `destroy()` closes everything.
 */
export class SpaceDocs {
  readonly shared: Channel;
  readonly private: Channel;
  private snapshot: SpaceDocsSnapshot = { status: 'connecting', localLoaded: false, ended: null };
  private readonly listeners = new Set<() => void>();
  private destroyed = false;
  private localLoaded = false;

  constructor(
    readonly userId: string,
    readonly spaceId: string,
    presence: Presence,
  ) {
    const base =
      (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + syncBasePath(spaceId);
    // After a refusal's wait: connect again only if still open and online (else `onOnline` does).
    const mayConnect = () => !this.destroyed && navigator.onLine;
    this.shared = openChannel(docNames.shared(userId, spaceId), base, mayConnect);
    this.private = openChannel(docNames.private(userId, spaceId), `${base}/private`, mayConnect);
    this.shared.provider.awareness.setLocalState(presence);
    // Nobody else is ever on the private document; publish nothing there.
    this.private.provider.awareness.setLocalState(null);

    for (const channel of this.channels) channel.tracker.subscribe(this.recompute);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    if (navigator.onLine) this.connect();
    this.recompute();

    void Promise.all(this.channels.map((channel) => channel.localLoad)).then(() => {
      if (this.destroyed) return;
      this.localLoaded = true;
      this.recompute();
    });
  }

  private get channels(): Channel[] {
    return [this.shared, this.private];
  }

  /** The shared document's presence. */
  get awareness() {
    return this.shared.provider.awareness;
  }

  getSnapshot = (): SpaceDocsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True when a change made on this device has not been confirmed by the server yet. */
  hasPendingEdits(): boolean {
    return this.channels.some((channel) => channel.tracker.getState().pending);
  }

  private connect() {
    for (const channel of this.channels) {
      if (!channel.tracker.getState().ended) channel.provider.connect();
    }
  }

  // The browser knows the network is gone before a dead socket times out; say so at once.
  private readonly onOffline = () => {
    for (const channel of this.channels) channel.provider.disconnect();
    this.recompute();
  };

  private readonly onOnline = () => {
    this.connect();
    this.recompute();
  };

  private readonly recompute = () => {
    const online = navigator.onLine;
    const states = this.channels.map((channel) => channel.tracker.getState());
    for (const [i, channel] of this.channels.entries()) {
      const state = states[i];
      if (state?.connection === 'connected' && state.initialSynced && !state.pending) {
        clearUnsynced(channel.docName);
      }
    }
    const endedCode = states.find((state) => state.ended)?.ended?.code;
    const next: SpaceDocsSnapshot = {
      status: combineStatus(states.map((state) => statusOf(state, online))),
      localLoaded: this.localLoaded,
      ended: endedReason(endedCode),
    };
    if (
      next.status !== this.snapshot.status ||
      next.localLoaded !== this.snapshot.localLoaded ||
      next.ended !== this.snapshot.ended
    ) {
      this.snapshot = next;
      for (const listener of this.listeners) listener();
    }
  };

  /** Closes sockets, presence and IndexedDB; with `clearLocal`, also deletes the local copies. */
  async destroy({ clearLocal = false } = {}): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.listeners.clear();
    await Promise.all(
      this.channels.map(async (channel) => {
        channel.backoff.destroy();
        channel.tracker.destroy();
        channel.provider.awareness.destroy();
        channel.provider.destroy();
        if (clearLocal) await channel.persistence.clearData();
        else await channel.persistence.destroy();
        channel.doc.destroy();
      }),
    );
  }
}

function endedReason(code: number | undefined): SpaceDocsSnapshot['ended'] {
  if (code === undefined) return null;
  if (code === SESSION_ENDED) return 'session';
  if (code === SPACE_FULL) return 'full';
  return 'membership';
}
