import { afterEach, expect, it } from 'vitest';
import { createConversationRepository } from '../../src/conversations/conversation-repository.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/test-databases.js';

const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

const SETTINGS = {
  modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
  system: null,
  title: null,
  maxTokens: null,
  temperature: null,
  tools: null,
  toolChoice: null,
};

const DONE = {
  status: 'complete',
  toolCalls: null,
  inputTokens: 3,
  outputTokens: 5,
  costUsd: 0.001,
  stopReason: 'end_turn',
  errorCode: null,
} as const;

describeEachDialect('conversation repository', (dialect) => {
  async function repository() {
    const database = await createTestDatabase(dialect);
    databases.push(database);
    return createConversationRepository(await database.open());
  }

  it('keeps turns in position order and every column as written', async () => {
    const conversations = await repository();
    const conversation = await conversations.create({
      ...SETTINGS,
      owner: 'k1',
      system: 'Be terse.',
      temperature: 0.5,
    });
    await conversations.appendUserTurn(conversation.id, 'hi', null);
    const answer = await conversations.appendAssistantTurn(conversation.id, {
      modelId: SETTINGS.modelId,
      turnsSent: 1,
      writer: 'w',
      content: 'hello',
      ...DONE,
    });
    await conversations.appendUserTurn(
      conversation.id,
      '',
      JSON.stringify([{ toolUseId: 't', content: '42' }]),
    );
    const rows = await conversations.messages(conversation.id);
    expect(rows.map((row) => [row.position, row.role, row.content])).toEqual([
      [0, 'user', 'hi'],
      [1, 'assistant', 'hello'],
      [2, 'user', ''],
    ]);
    expect(rows[1]).toMatchObject({
      id: answer.id,
      input_tokens: 3,
      output_tokens: 5,
      cost_usd: 0.001,
      turns_sent: 1,
    });
    expect(await conversations.get('k1', conversation.id)).toMatchObject({
      system: 'Be terse.',
      temperature: 0.5,
    });
  });

  it('shows and changes a conversation only to its owner', async () => {
    const conversations = await repository();
    const conversation = await conversations.create({ ...SETTINGS, owner: 'k1' });
    expect(await conversations.get('k2', conversation.id)).toBeUndefined();
    expect(await conversations.list('k2', { first: 10 })).toEqual([]);
    expect(await conversations.update('k2', conversation.id, { title: 'stolen' })).toBeUndefined();
    expect(await conversations.delete('k2', conversation.id)).toBe(false);
    expect((await conversations.get('k1', conversation.id))?.title).toBeNull();
    expect(await conversations.delete('k1', conversation.id)).toBe(true);
    expect(await conversations.get('k1', conversation.id)).toBeUndefined();
  });

  it('pages newest first by (createdAt, id)', async () => {
    const conversations = await repository();
    const created = [];
    for (let index = 0; index < 5; index++)
      created.push(await conversations.create({ ...SETTINGS, owner: 'k1' }));
    const expected = [...created]
      .sort((a, b) =>
        a.created_at === b.created_at ? b.id.localeCompare(a.id) : b.created_at.localeCompare(a.created_at),
      )
      .map((row) => row.id);
    const seen: string[] = [];
    let after: { createdAt: string; id: string } | undefined;
    for (;;) {
      const page = await conversations.list('k1', { first: 2, ...(after !== undefined && { after }) });
      if (page.length === 0) break;
      seen.push(...page.map((row) => row.id));
      const last = page.at(-1)!;
      after = { createdAt: last.created_at, id: last.id };
    }
    expect(seen).toEqual(expected);
  });

  it('marks streaming answers interrupted, keeping their saved text', async () => {
    const conversations = await repository();
    const conversation = await conversations.create({ ...SETTINGS, owner: 'k1' });
    await conversations.appendUserTurn(conversation.id, 'hi', null);
    const answer = await conversations.appendAssistantTurn(conversation.id, {
      modelId: SETTINGS.modelId,
      turnsSent: 1,
      writer: 'w',
      status: 'streaming',
    });
    await conversations.saveProgress(answer.id, 'half an ans');
    expect(await conversations.interruptOrphans({ staleBefore: '2000-01-01T00:00:00.000Z' })).toBe(0);
    expect(await conversations.interruptOrphans({})).toBe(1);
    const [, stored] = await conversations.messages(conversation.id);
    expect(stored).toMatchObject({ status: 'interrupted', content: 'half an ans', writer: null });
    // A finished answer takes no more progress writes.
    await conversations.saveProgress(answer.id, 'late');
    expect((await conversations.messages(conversation.id))[1]?.content).toBe('half an ans');
  });

  it('refuses two turns at one position', async () => {
    const conversations = await repository();
    const conversation = await conversations.create({ ...SETTINGS, owner: 'k1' });
    // Unserialized appends race for the same next position; the unique constraint keeps the
    // history consistent (the service's per-conversation lock is what prevents the race).
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, index) =>
        conversations.appendUserTurn(conversation.id, `m${index}`, null),
      ),
    );
    const rows = await conversations.messages(conversation.id);
    expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index));
    expect(rows.length).toBe(results.filter((result) => result.status === 'fulfilled').length);
  });
});
