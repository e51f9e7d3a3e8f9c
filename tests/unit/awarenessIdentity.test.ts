import { describe, expect, it } from 'vitest';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, stampIdentity } from '../../server/collab/awarenessIdentity';

describe('awareness identity', () => {
  it('replaces whatever user a client claims with the server identity', () => {
    const claimed = encodeAwarenessUpdate([{ clientId: 7, clock: 3, state: { user: { name: 'The Admin', color: 'red' }, cursor: null } }, { clientId: 8, clock: 1, state: null }]);
    const stamped = stampIdentity(decodeAwarenessUpdate(claimed), { id: 'u1', name: 'Rita Reviewer', color: '#123456', role: 'reviewer' });
    expect(stamped).toEqual([
      { clientId: 7, clock: 3, state: { user: { id: 'u1', name: 'Rita Reviewer', color: '#123456', role: 'reviewer' }, cursor: null } },
      { clientId: 8, clock: 1, state: null },
    ]);
  });

  it('rejects malformed updates', () => {
    const good = encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: {} }]);
    expect(() => decodeAwarenessUpdate(good.slice(0, good.length - 1))).toThrow();
    expect(() => decodeAwarenessUpdate(new Uint8Array([...good, 0]))).toThrow();
    expect(() => decodeAwarenessUpdate(encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: [1] as never }]))).toThrow();
  });
});
