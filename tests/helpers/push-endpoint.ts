import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decrypt } from 'http_ece';

/** A push message as the local push service received it, decrypted with the device's keys. */
export interface ReceivedPush {
  path: string;
  headers: IncomingHttpHeaders;
  /** The plaintext the service worker would get, parsed as JSON. */
  payload: { title: string; body: string; url: string; tag: string };
  /** The VAPID JWT's claims, after its ES256 signature was checked against `k`. */
  vapid: { aud: string; sub: string; exp: number; publicKey: string };
}

/** A browser's side of a push subscription: the keys a real device would generate. */
export interface TestDevice {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  ecdh: ECDH;
}

function checkVapid(authorization: string | undefined): ReceivedPush['vapid'] {
  const match = /^vapid t=([^,\s]+),\s*k=(\S+)$/.exec(authorization ?? '');
  if (!match) throw new Error(`no VAPID authorization: ${authorization}`);
  const [, jwt = '', k = ''] = match;
  const [head = '', claims = '', sig = ''] = jwt.split('.');
  const point = Buffer.from(k, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(sig, 'base64url'),
  );
  if (!signed) throw new Error('the VAPID signature does not verify');
  const parsed = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as {
    aud: string;
    sub: string;
    exp: number;
  };
  return { ...parsed, publicKey: k };
}

/**
 * A push service on 127.0.0.1: receives the real encrypted requests the server sends,
 * decrypts each with the keys of the device it was addressed to (aes128gcm, RFC 8291) and
 * checks its VAPID signature. `respondWith` sets the status it answers (201, or 410 for a
 * subscription that is gone).
 */
export async function startPushEndpoint() {
  const devices = new Map<string, TestDevice>();
  const received: ReceivedPush[] = [];
  const failures: string[] = [];
  let status = 201;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const device = devices.get(req.url ?? '');
        if (!device) throw new Error(`no device at ${req.url}`);
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
        const plain = decrypt(Buffer.concat(chunks), {
          version: 'aes128gcm',
          privateKey: device.ecdh,
          authSecret: device.keys.auth,
        });
        received.push({
          path: req.url ?? '',
          headers: req.headers,
          payload: JSON.parse(plain.toString('utf8')) as ReceivedPush['payload'],
          vapid: checkVapid(req.headers.authorization),
        });
      } catch (error) {
        failures.push(String(error));
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    failures,
    respondWith(next: number) {
      status = next;
    },
    /** A new device: fresh P-256 keys and auth secret, as `pushManager.subscribe` makes them. */
    device(): TestDevice {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const path = `/push/${randomBytes(8).toString('hex')}`;
      const device = {
        endpoint: `${origin}${path}`,
        keys: {
          p256dh: ecdh.getPublicKey().toString('base64url'),
          auth: randomBytes(16).toString('base64url'),
        },
        ecdh,
      };
      devices.set(path, device);
      return device;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type PushEndpoint = Awaited<ReturnType<typeof startPushEndpoint>>;
