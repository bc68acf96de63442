type OpenHandler = ((this: WebSocket, event: Event) => unknown) | null;
type MessageHandler = ((this: WebSocket, event: MessageEvent) => unknown) | null;

/**
 * A WebSocket class (for `WebsocketProvider`'s `WebSocketPolyfill`) that connects at once but
 * tells its provider it is open only once `ready()`, called when the socket has opened, has
 * settled. What the server sends before then (its sync step 1, presence) is held and handed
 * over, in order, right after.
 *
 * Why: y-websocket sends sync step 1, the document's state vector, the moment its socket opens,
 * so a device must not look open before IndexedDB has loaded what it holds: an empty state
 * vector would have the server send the whole document again. Connecting only after the load
 * (as before) put the connection's round trips (TCP and the HTTP upgrade, 300 ms and more on a
 * phone's 3G) after it; this lets them overlap. Called on the open, `ready` may also use the
 * connection (space-docs.ts asks for a first copy over HTTP then), and may call the `open` it
 * is given to let the provider open before it settles (once the first copy's structs are in,
 * before the editor has drawn them). `greeted` resolves with the server's first frame: the
 * server greets a socket (sync step 1) only once its room is whole, and gives no first copy
 * before. If the socket closes first, the provider never hears of the open, only of the close.
 */
export function openWhenReady(
  Base: typeof WebSocket,
  ready: (open: () => void, greeted: Promise<void>) => Promise<unknown>,
): typeof WebSocket {
  return class OpenWhenReadySocket extends Base {
    /** What arrived before the provider was told of the open; null once it has been. */
    private held: MessageEvent[] | null = [];
    private messageHandler: MessageHandler = null;
    private greet: () => void = () => {};
    private readonly greeted = new Promise<void>((resolve) => (this.greet = resolve));

    override get onopen(): OpenHandler {
      return super.onopen;
    }
    override set onopen(handler: OpenHandler) {
      super.onopen = !handler
        ? null
        : (event: Event) => {
            let opened = false;
            const open = () => {
              if (opened || this.readyState !== this.OPEN) return;
              opened = true;
              handler.call(this, event);
              const held = this.held ?? [];
              this.held = null;
              for (const message of held) this.messageHandler?.call(this, message);
            };
            // A failed `ready` must not leave the device unable to sync: it opens all the same.
            void ready(open, this.greeted).then(open, open);
          };
    }

    override get onmessage(): MessageHandler {
      return this.messageHandler;
    }
    override set onmessage(handler: MessageHandler) {
      this.messageHandler = handler;
      super.onmessage = !handler
        ? null
        : (event: MessageEvent) => {
            this.greet();
            if (this.held) this.held.push(event);
            else handler.call(this, event);
          };
    }
  };
}
