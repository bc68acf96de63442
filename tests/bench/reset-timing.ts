// How long "forgot your password" takes to answer for an address with an account and for one
// without, interleaved so both see the same machine: the two should be within noise of each
// other (the answer never waits for SMTP; the unknown address runs the same transaction).
// Run alone: node --import tsx tests/bench/reset-timing.ts
import { createTestApp } from '../helpers/test-app.ts';
import { startTestSmtp } from '../helpers/test-smtp.ts';
import { summary } from './stats.ts';

const ROUNDS = 200;
const smtp = await startTestSmtp();
// A high per-email limit is not configurable, so each round asks for a different address.
const t = createTestApp({ smtpUrl: smtp.smtpUrl, authRateLimitPerMin: 100_000 });
const ask = (email: string, address: string) =>
  t.app.request(
    'http://localhost/api/auth/password-reset',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) },
    { incoming: { socket: { remoteAddress: address, remotePort: 1, remoteFamily: 'IPv4' } } },
  );

for (let i = 0; i < ROUNDS; i++) {
  const reply = await t.app.request('http://localhost/api/auth/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `known${i}@example.test`, password: 'a long enough password', name: 'K' }),
  });
  if (reply.status !== 201) throw new Error(`signup ${reply.status}`);
}
await t.mailSent();

const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  for (const [list, email] of [
    [known, `known${i}@example.test`],
    [unknown, `unknown${i}@example.test`],
  ] as const) {
    const start = performance.now();
    const reply = await ask(email, `10.9.${i % 250}.1`);
    await reply.text();
    list.push(performance.now() - start);
    if (reply.status !== 202) throw new Error(`reset ${reply.status}`);
  }
}
console.log(JSON.stringify({ knownMs: summary(known), unknownMs: summary(unknown) }));
t.close();
await smtp.close();
