import {
  AttestationKind,
  readTalk,
  repairNextTimeFragment,
  spaceExportSchema,
  startTalk,
  SubjectType,
  takeTurn,
  TalkKind,
  talksMap,
  TurnEventType,
  writePlainParagraphs,
} from '@twofold/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, pairUp, signUp } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const side = (marker: string) => ({
  felt: `${marker}-felt`,
  trigger: `${marker}-trigger`,
  myPart: `${marker}-mypart`,
  need: `${marker}-need`,
});

type Member = { id: string; cookie: string };

async function startRepair(spaceId: string, by: Member, topic = 'Saturday night'): Promise<string> {
  const started = await call(server.url, 'POST', `/api/spaces/${spaceId}/repairs`, {
    cookie: by.cookie,
    json: { topic },
  });
  expect(started.status, started.text).toBe(201);
  return (started.body as { repair: { id: string } }).repair.id;
}

async function writeSide(spaceId: string, repairId: string, by: Member, marker: string) {
  const wrote = await call(server.url, 'POST', `/api/spaces/${spaceId}/repairs/${repairId}/part`, {
    cookie: by.cookie,
    json: side(marker),
  });
  expect(wrote.status, wrote.text).toBe(201);
}

async function propose(spaceId: string, by: Member, repairId: string, text = 'We say “pause” and come back') {
  return call(server.url, 'POST', `/api/spaces/${spaceId}/promises`, {
    cookie: by.cookie,
    json: { text, repairId },
  });
}

const attest = (spaceId: string, by: Member, promise: { id: string; contentHash: string }, kind: string) =>
  call(server.url, 'POST', `/api/spaces/${spaceId}/attestations`, {
    cookie: by.cookie,
    json: { subjectType: SubjectType.promise, subjectId: promise.id, kind, contentHash: promise.contentHash },
  });

/** Writes through a real sync client and waits until the server has stored it. */
async function write(client: SyncClient, change: () => void): Promise<void> {
  await client.synced();
  change();
  await waitFor(() => client.provider.synced && client.provider.wsconnected, { message: 'written' });
}

describe('a promise from a repair, co-signed', () => {
  it('is proposed by one, accepted only by the other, and can be kept only once accepted', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const repairId = await startRepair(spaceId, alex);
    await writeSide(spaceId, repairId, alex, 'a');
    // Before both sides are open there is nothing to promise from yet.
    expectError(await propose(spaceId, alex, repairId), 409, 'conflict');
    await writeSide(spaceId, repairId, sam, 's');

    const made = await propose(spaceId, alex, repairId);
    expect(made.status, made.text).toBe(201);
    const promise = (made.body as { promise: { id: string; contentHash: string; fromRepair: string } })
      .promise;
    expect(promise.fromRepair).toBe(repairId);

    expectError(await attest(spaceId, sam, promise, AttestationKind.kept), 409, 'conflict');
    expectError(await attest(spaceId, alex, promise, AttestationKind.accepted), 403, 'not_yours');
    expectError(
      await attest(spaceId, sam, { id: promise.id, contentHash: 'f'.repeat(64) }, AttestationKind.accepted),
      409,
      'conflict',
    );
    const accepted = await attest(spaceId, sam, promise, AttestationKind.accepted);
    expect(accepted.status, accepted.text).toBe(201);
    expect(accepted.body).toMatchObject({ attestation: { userId: sam.id, kind: AttestationKind.accepted } });
    expectError(await attest(spaceId, sam, promise, AttestationKind.accepted), 409, 'conflict');

    const kept = await attest(spaceId, sam, promise, AttestationKind.kept);
    expect(kept.status, kept.text).toBe(201);
  });

  it('needs no acceptance for an ordinary promise, and refuses one for it', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const made = await call(server.url, 'POST', `/api/spaces/${spaceId}/promises`, {
      cookie: alex.cookie,
      json: { text: 'I will call when I am late' },
    });
    const promise = (made.body as { promise: { id: string; contentHash: string; fromRepair: null } }).promise;
    expect(promise.fromRepair).toBeNull();
    expectError(await attest(spaceId, sam, promise, AttestationKind.accepted), 409, 'conflict');
    expect((await attest(spaceId, sam, promise, AttestationKind.kept)).status).toBe(201);
  });

  it('answers 404 for a repair of another couple, and outsiders 404 like a missing space', async () => {
    const first = await pairUp(server.url);
    const second = await pairUp(server.url);
    const repairId = await startRepair(first.spaceId, first.alex);
    await writeSide(first.spaceId, repairId, first.alex, 'a');
    await writeSide(first.spaceId, repairId, first.sam, 's');
    expectError(await propose(second.spaceId, second.alex, repairId), 404, 'not_found');
    const outsider = await signUp(server.url, 'Outsider');
    expectError(await propose(first.spaceId, outsider, repairId), 404, 'not_found');
  });
});

describe('talks and repairs in the export', () => {
  it('never carries a side before both have written, not even the exporter’s own, in JSON or Markdown', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const repairId = await startRepair(spaceId, alex, 'The late dinner');
    await writeSide(spaceId, repairId, alex, 'ALEXSEALED');
    for (const who of [alex, sam]) {
      for (const format of ['json', 'markdown']) {
        const reply = await call(server.url, 'GET', `/api/spaces/${spaceId}/export?format=${format}`, {
          cookie: who.cookie,
        });
        expect(reply.status, reply.text).toBe(200);
        expect(reply.text).toContain('The late dinner');
        expect(reply.text).not.toContain('ALEXSEALED');
      }
    }
    const json = await call(server.url, 'GET', `/api/spaces/${spaceId}/export?format=json`, {
      cookie: sam.cookie,
    });
    const data = spaceExportSchema.parse(json.body);
    expect(data.repairs).toEqual([
      expect.objectContaining({
        id: repairId,
        writtenBy: [alex.id],
        openedAt: null,
        sides: [],
        nextTime: '',
      }),
    ]);
  });

  it('carries opened repairs with their co-written next time, and talks with rounds and summary', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const repairId = await startRepair(spaceId, sam, 'Phones at dinner');
    await writeSide(spaceId, repairId, alex, 'ALEXOPEN');
    await writeSide(spaceId, repairId, sam, 'SAMOPEN');
    const shared = connect(server.url, spaceId, alex.cookie);
    await write(shared, () => {
      writePlainParagraphs(repairNextTimeFragment(shared.doc, repairId), ['We leave phones in the hall.']);
      startTalk(shared.doc, {
        id: 'talk-1',
        kind: TalkKind.weekly,
        topic: null,
        agenda: [],
        userId: alex.id,
        partnerId: sam.id,
        turnMinutes: null,
        now: 1,
      });
      const talk = readTalk('talk-1', talksMap(shared.doc).get('talk-1'));
      if (!talk.readable) throw new Error(talk.problem);
      writePlainParagraphs(talk.heard, ['You felt unseen on Tuesday']);
      writePlainParagraphs(talk.summary, ['We talk before we scroll']);
      takeTurn(shared.doc, 'talk-1', { type: TurnEventType.doneSpeaking, by: alex.id }, 2);
      takeTurn(shared.doc, 'talk-1', { type: TurnEventType.shareReflection, by: sam.id }, 3);
      takeTurn(shared.doc, 'talk-1', { type: TurnEventType.confirm, by: alex.id }, 4);
    });
    shared.destroy();

    const json = await call(server.url, 'GET', `/api/spaces/${spaceId}/export?format=json`, {
      cookie: sam.cookie,
    });
    const data = spaceExportSchema.parse(json.body);
    expect(data.repairs?.[0]).toMatchObject({
      id: repairId,
      nextTime: 'We leave phones in the hall.',
      sides: [
        { userId: alex.id, part: side('ALEXOPEN') },
        { userId: sam.id, part: side('SAMOPEN') },
      ],
    });
    expect(data.talks?.[0]).toMatchObject({
      id: 'talk-1',
      kind: TalkKind.weekly,
      summary: 'We talk before we scroll',
      rounds: [{ round: 1, speakerId: alex.id, heard: 'You felt unseen on Tuesday' }],
    });
    const markdown = await call(server.url, 'GET', `/api/spaces/${spaceId}/export?format=markdown`, {
      cookie: alex.cookie,
    });
    for (const words of [
      '## Talks',
      'We talk before we scroll',
      'You felt unseen on Tuesday',
      '## Repairs',
      'ALEXOPEN-felt',
      'SAMOPEN-need',
      'We leave phones in the hall.',
    ]) {
      expect(markdown.text).toContain(words);
    }
  });
});
