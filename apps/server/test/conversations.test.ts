import type { ChatRequest, QuarryClient } from '@quarry/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startGateway, subscribeAll, type GatewayHarness } from './support/gateway-harness.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from './support/test-databases.js';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const LLAMA3 = 'meta.llama3-8b-instruct-v1:0';
/** 4,096-token window: a few long turns overflow it. */
const LLAMA2 = 'meta.llama2-13b-chat-v1';

const MESSAGE_FIELDS = `id role content status modelId turnsSent stopReason errorCode usage { inputTokens outputTokens } cost { totalUsd } createdAt`;
const CREATE = `mutation ($input: CreateConversationInput!) { createConversation(input: $input) { id modelId system title cursor createdAt } }`;
const SEND = `mutation ($id: ID!, $content: String!) { sendMessage(conversationId: $id, content: $content) { ${MESSAGE_FIELDS} } }`;
const READ = `query ($id: ID!) { conversation(id: $id) { id modelId title system messages { ${MESSAGE_FIELDS} } } }`;

interface MessageView {
  id: string;
  role: 'USER' | 'ASSISTANT';
  content: string;
  status: 'COMPLETE' | 'INTERRUPTED' | 'STREAMING';
  modelId: string | null;
  turnsSent: number | null;
  errorCode: string | null;
  usage: { inputTokens: number; outputTokens: number } | null;
}
interface ConversationView {
  id: string;
  modelId: string;
  title: string | null;
  system: string | null;
  cursor: string;
  messages: MessageView[];
}

// Each test starts a gateway on a fresh database; on a loaded 2-core machine that alone can take seconds.
vi.setConfig({ testTimeout: 30_000 });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function gatewayOn(database?: TestDatabase, options: Parameters<typeof startGateway>[0] = {}) {
  const store = database === undefined ? undefined : await database.open();
  const gateway = await startGateway({ ...options, ...(store !== undefined && { store }) });
  cleanups.push(async () => {
    await gateway.close();
    await store?.close();
  });
  return gateway;
}

async function create(gateway: GatewayHarness, input: Record<string, unknown>): Promise<ConversationView> {
  const { body } = await gateway.gql<{ createConversation: ConversationView }>(CREATE, { input });
  expect(body.errors).toBeUndefined();
  return body.data!.createConversation;
}

async function send(gateway: GatewayHarness, id: string, content: string): Promise<MessageView> {
  const { body } = await gateway.gql<{ sendMessage: MessageView }>(SEND, { id, content });
  expect(body.errors).toBeUndefined();
  return body.data!.sendMessage;
}

async function read(gateway: GatewayHarness, id: string): Promise<ConversationView | null> {
  const { body } = await gateway.gql<{ conversation: ConversationView | null }>(READ, { id });
  expect(body.errors).toBeUndefined();
  return body.data!.conversation;
}

describe('conversations over HTTP', () => {
  it('keeps every turn in order with usage, and answers with the history sent', async () => {
    const gateway = await gatewayOn();
    const conversation = await create(gateway, { modelId: HAIKU, system: 'Be terse.', title: 'Rivers' });
    expect(conversation).toMatchObject({ modelId: HAIKU, system: 'Be terse.', title: 'Rivers' });

    const first = await send(gateway, conversation.id, 'Name a river.');
    expect(first).toMatchObject({ role: 'ASSISTANT', status: 'COMPLETE', modelId: HAIKU, turnsSent: 1 });
    expect(first.content.length).toBeGreaterThan(0);
    expect(first.usage!.outputTokens).toBeGreaterThan(0);
    const second = await send(gateway, conversation.id, 'Another one.');
    expect(second.turnsSent).toBe(3);

    const stored = await read(gateway, conversation.id);
    expect(stored!.messages.map((message) => [message.role, message.status])).toEqual([
      ['USER', 'COMPLETE'],
      ['ASSISTANT', 'COMPLETE'],
      ['USER', 'COMPLETE'],
      ['ASSISTANT', 'COMPLETE'],
    ]);
    expect(stored!.messages.map((message) => message.content)).toEqual([
      'Name a river.',
      first.content,
      'Another one.',
      second.content,
    ]);
    expect(stored!.messages[0]!.usage).toBeNull();
  });

  it('lists newest first with cursors, renames, and deletes', async () => {
    const gateway = await gatewayOn();
    const ids: string[] = [];
    for (let index = 0; index < 5; index++)
      ids.push((await create(gateway, { modelId: HAIKU, title: `c${index}` })).id);
    const LIST = `query ($first: Int, $after: String) { conversations(first: $first, after: $after) { id title cursor } }`;
    const page1 = await gateway.gql<{ conversations: ConversationView[] }>(LIST, { first: 2 });
    const page2 = await gateway.gql<{ conversations: ConversationView[] }>(LIST, {
      first: 2,
      after: page1.body.data!.conversations[1]!.cursor,
    });
    const page3 = await gateway.gql<{ conversations: ConversationView[] }>(LIST, {
      first: 2,
      after: page2.body.data!.conversations[1]!.cursor,
    });
    const listed = [page1, page2, page3].flatMap((page) =>
      page.body.data!.conversations.map((entry) => entry.id),
    );
    expect(listed).toEqual([...ids].reverse());

    const renamed = await gateway.gql<{ updateConversation: ConversationView }>(
      `mutation ($id: ID!) { updateConversation(id: $id, input: { title: "Renamed" }) { id title } }`,
      { id: ids[0] },
    );
    expect(renamed.body.data!.updateConversation.title).toBe('Renamed');

    const deleted = await gateway.gql<{ deleteConversation: boolean }>(
      `mutation ($id: ID!) { deleteConversation(id: $id) }`,
      { id: ids[0] },
    );
    expect(deleted.body.data!.deleteConversation).toBe(true);
    expect(await read(gateway, ids[0]!)).toBeNull();
    const again = await gateway.gql<{ deleteConversation: boolean }>(
      `mutation ($id: ID!) { deleteConversation(id: $id) }`,
      { id: ids[0] },
    );
    expect(again.body.data!.deleteConversation).toBe(false);

    const bad = await gateway.gql(LIST, { after: 'not-a-cursor' });
    expect(bad.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses a send to an unknown conversation with BAD_USER_INPUT', async () => {
    const gateway = await gatewayOn();
    const { body } = await gateway.gql(SEND, { id: '00000000-0000-0000-0000-000000000000', content: 'hi' });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('No conversation');
  });

  it('switches model between two families mid-way, and refuses a family that cannot take the conversation', async () => {
    const gateway = await gatewayOn();
    const conversation = await create(gateway, { modelId: HAIKU, system: 'You are a geographer.' });
    await send(gateway, conversation.id, 'Name a river.');
    const SWITCH = `mutation ($id: ID!, $modelId: ID!) { updateConversation(id: $id, input: { modelId: $modelId }) { modelId } }`;
    const switched = await gateway.gql<{ updateConversation: { modelId: string } }>(SWITCH, {
      id: conversation.id,
      modelId: LLAMA3,
    });
    expect(switched.body.data!.updateConversation.modelId).toBe(LLAMA3);
    const answer = await send(gateway, conversation.id, 'And a lake?');
    expect(answer).toMatchObject({ modelId: LLAMA3, status: 'COMPLETE', turnsSent: 3 });

    const withTools = await create(gateway, {
      modelId: HAIKU,
      tools: [{ name: 'lookup', inputSchema: { type: 'object', properties: {} } }],
    });
    const refused = await gateway.gql(SWITCH, { id: withTools.id, modelId: LLAMA3 });
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(refused.body.errors?.[0]?.message).toMatch(
      /Cannot switch this conversation to .*does not support tool use/,
    );
    expect((await read(gateway, withTools.id))!.modelId).toBe(HAIKU);
  });

  it('drops the oldest turns to fit the context window, always keeping the system prompt', async () => {
    const requests: ChatRequest[] = [];
    const gateway = await gatewayOn(undefined, {
      wrapClient: (client: QuarryClient): QuarryClient => ({
        ...client,
        invoke: (modelId, request, options) => {
          requests.push(request);
          return client.invoke(modelId, request, options);
        },
      }),
    });
    const system = 'Answer in French.';
    const conversation = await create(gateway, { modelId: LLAMA2, system, maxTokens: 200 });
    const long = 'word '.repeat(1_000); // ~1,250 tokens by core's estimate
    const answers: MessageView[] = [];
    for (let turn = 0; turn < 5; turn++)
      answers.push(await send(gateway, conversation.id, `${turn} ${long}`));
    expect(answers[0]!.turnsSent).toBe(1);
    const last = answers.at(-1)!;
    expect(last.turnsSent).toBeLessThan(9);
    expect(last.turnsSent! % 2).toBe(1); // starts with a user turn
    const sent = requests.at(-1)!;
    expect(sent.system).toBe(system);
    expect(sent.messages).toHaveLength(last.turnsSent!);
    expect(sent.messages.at(-1)).toMatchObject({ role: 'user', content: `4 ${long}` });
    // Every turn is still stored.
    expect((await read(gateway, conversation.id))!.messages).toHaveLength(10);
  });

  it('keeps every conversation across a restart on the same database', async () => {
    const database = await createTestDatabase('sqlite');
    cleanups.push(() => database.drop());
    const before = await gatewayOn(database);
    const conversation = await create(before, { modelId: HAIKU, title: 'Durable' });
    const answer = await send(before, conversation.id, 'Remember me.');
    await before.close();

    const after = await gatewayOn(database);
    const stored = await read(after, conversation.id);
    expect(stored).toMatchObject({ title: 'Durable', modelId: HAIKU });
    expect(stored!.messages.map((message) => message.content)).toEqual(['Remember me.', answer.content]);
  });
});

describeEachDialect('conversations under concurrency', (dialect) => {
  async function gatewayOnDialect() {
    const database = await createTestDatabase(dialect);
    cleanups.push(() => database.drop());
    return gatewayOn(database);
  }

  it('writes exactly 500 user and 500 assistant turns for 50 conversations × 10 turns, each in order', async () => {
    const gateway = await gatewayOnDialect();
    const conversations = await Promise.all(
      Array.from({ length: 50 }, (_, index) => create(gateway, { modelId: HAIKU, title: `load ${index}` })),
    );
    await Promise.all(
      conversations.map(async (conversation) => {
        for (let turn = 0; turn < 10; turn++) await send(gateway, conversation.id, `turn ${turn}`);
      }),
    );
    let users = 0;
    let assistants = 0;
    for (const conversation of conversations) {
      const messages = (await read(gateway, conversation.id))!.messages;
      users += messages.filter((message) => message.role === 'USER').length;
      assistants += messages.filter((message) => message.role === 'ASSISTANT').length;
      expect(messages.map((message) => message.role)).toEqual(
        Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? 'USER' : 'ASSISTANT')),
      );
      expect(messages.filter((message) => message.role === 'USER').map((message) => message.content)).toEqual(
        Array.from({ length: 10 }, (_, index) => `turn ${index}`),
      );
      expect(messages.every((message) => message.status === 'COMPLETE')).toBe(true);
    }
    expect([users, assistants]).toEqual([500, 500]);
  }, 120_000);

  it('serializes concurrent sends to one conversation so turns never interleave', async () => {
    const gateway = await gatewayOnDialect();
    const conversation = await create(gateway, { modelId: HAIKU });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => send(gateway, conversation.id, `parallel ${index}`)),
    );
    const messages = (await read(gateway, conversation.id))!.messages;
    expect(messages).toHaveLength(12);
    for (let index = 0; index < 12; index += 2) {
      expect(messages[index]!.role).toBe('USER');
      const answer = answers.find((candidate) => candidate.id === messages[index + 1]!.id);
      expect(answer).toBeDefined();
      // Each answer follows the user turn it answers: its history ends there.
      expect(answer!.turnsSent).toBe(index + 1);
    }
  });
});

describe('conversations over graphql-ws', () => {
  const STREAM = `subscription ($id: ID!, $content: String!) {
    sendMessageStream(conversationId: $id, content: $content) {
      __typename
      ... on TextDelta { text }
      ... on StreamEnd { stopReason messageId turnsSent usage { outputTokens } }
    }
  }`;
  type StreamResult = {
    sendMessageStream: { __typename: string; text?: string; messageId?: string; turnsSent?: number };
  };

  it('streams an answer and commits it before StreamEnd names it', async () => {
    const gateway = await gatewayOn();
    const conversation = await create(gateway, { modelId: HAIKU });
    const { results, errors } = await subscribeAll<StreamResult>(gateway.ws(), STREAM, {
      id: conversation.id,
      content: 'Tell me about rivers.',
    });
    expect(errors).toBeUndefined();
    const events = results.map((result) => result.sendMessageStream);
    expect(events[0]!.__typename).toBe('StreamStart');
    const end = events.at(-1)!;
    expect(end).toMatchObject({ __typename: 'StreamEnd', turnsSent: 1 });
    const text = events.map((event) => event.text ?? '').join('');
    const stored = (await read(gateway, conversation.id))!.messages;
    expect(stored[1]).toMatchObject({
      id: end.messageId,
      status: 'COMPLETE',
      content: text,
      role: 'ASSISTANT',
    });
  });

  it('leaves the answer INTERRUPTED with the text so far when the client leaves mid-stream', async () => {
    const gateway = await gatewayOn(undefined, {
      emulator: { latency: { firstTokenMs: 0, tokensPerSecond: 100 } },
    });
    const conversation = await create(gateway, { modelId: HAIKU, maxTokens: 400 });
    const client = gateway.ws();
    let received = '';
    await new Promise<void>((resolve) => {
      const unsubscribe = client.subscribe<StreamResult>(
        { query: STREAM, variables: { id: conversation.id, content: 'A long story please.' } },
        {
          next: (result) => {
            received += result.data?.sendMessageStream.text ?? '';
            if (received.length > 20) {
              unsubscribe();
              resolve();
            }
          },
          error: () => resolve(),
          complete: () => resolve(),
        },
      );
    });
    // The cut is recorded once the gateway has seen the completion.
    let messages: MessageView[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      messages = (await read(gateway, conversation.id))!.messages;
      if (messages[1]?.status === 'INTERRUPTED') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(messages[0]).toMatchObject({ role: 'USER', content: 'A long story please.', status: 'COMPLETE' });
    expect(messages[1]).toMatchObject({ role: 'ASSISTANT', status: 'INTERRUPTED' });
    expect(received.startsWith(messages[1]!.content)).toBe(true);
    expect(messages[1]!.content.length).toBeGreaterThanOrEqual(20);

    // The conversation goes on: the cut answer is part of the history.
    const next = await send(gateway, conversation.id, 'Go on.');
    expect(next).toMatchObject({ status: 'COMPLETE', turnsSent: 3 });
  });
});
