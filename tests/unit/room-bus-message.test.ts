import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage } from '../../server/src/sync/room-bus.ts';

describe('a room bus message', () => {
  it('carries the sequence numbers, the origin and the update bytes as they were', () => {
    const data = new Uint8Array([0, 1, 2, 255]);
    const message = encodeMessage('instance-é', 2 ** 40 + 1, 2 ** 40, data);
    expect(decodeMessage(message)).toEqual({
      origin: 'instance-é',
      seq: 2 ** 40 + 1,
      previousSeq: 2 ** 40,
      data: Buffer.from(data),
    });
  });

  it('is ignored when truncated or of another version', () => {
    const message = encodeMessage('a', 1, 0, new Uint8Array([7]));
    expect(decodeMessage(message.subarray(0, 10))).toBeUndefined();
    const future = Buffer.from(message);
    future[0] = 2;
    expect(decodeMessage(future)).toBeUndefined();
  });
});
