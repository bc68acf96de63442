// The floor for memory per connection: a bare `ws` server on loopback that accepts connections
// and holds them, nothing else. The bench reads its memory the same way as the two sync servers'.
import { WebSocketServer } from 'ws';

const server = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
server.on('connection', (socket) => socket.on('message', () => {}));
server.on('listening', () => {
  const address = server.address();
  console.log(`running on ${typeof address === 'object' ? address?.port : address}`);
});
