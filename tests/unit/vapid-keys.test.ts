import { createECDH } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadWebPush } from '../../server/src/lib/on-demand.ts';
import { generateVapidKeys } from '../../server/src/notifications/vapid.ts';

// The server makes its VAPID keys with node:crypto rather than loading web-push at start; they
// must be exactly what web-push makes and accepts when it signs a push.
describe('generateVapidKeys', () => {
  it('makes P-256 pairs web-push signs with, padded to full length', () => {
    // Enough pairs that a private scalar with a leading zero byte turns up (1 in 256 each):
    // all 2,000 missing it happens once in 2,000 runs.
    for (let i = 0; i < 2000; i++) {
      const keys = generateVapidKeys();
      const publicKey = Buffer.from(keys.publicKey, 'base64url');
      const privateKey = Buffer.from(keys.privateKey, 'base64url');
      expect(publicKey.length).toBe(65);
      expect(privateKey.length).toBe(32);
      // The public key is the private key's point, uncompressed.
      const curve = createECDH('prime256v1');
      curve.setPrivateKey(privateKey);
      expect(curve.getPublicKey().equals(publicKey)).toBe(true);
    }
    const keys = generateVapidKeys();
    const headers = loadWebPush().getVapidHeaders(
      'https://push.example.test',
      'mailto:admin@example.test',
      keys.publicKey,
      keys.privateKey,
      'aes128gcm',
    );
    expect(headers.Authorization).toMatch(/^vapid t=.+, k=/);
  });
});
