import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PlaygroundConversationQuery, PlaygroundConversationsQuery } from '../__generated__/graphql';
import {
  ConversationDocument,
  ConversationsDocument,
  CreateConversationDocument,
  DeleteConversationDocument,
  SendMessageStreamDocument,
  UpdateConversationDocument,
} from '../api/documents';
import { GatewayError, toGatewayError } from '../api/gateway-error';
import { request } from '../api/http';
import { subscribe } from '../api/ws';
import { ErrorBanner } from '../components/error-banner';
import { checkSettings, maxTemperature, numberOrUndefined } from '../components/model-limits';
import { useModels } from '../components/use-models';
import type { ShownMessage, ShownToolCall } from './chat-types';
import { MessageView } from './message-view';
import { ModelSelect } from '../components/model-select';

type StoredConversation = NonNullable<PlaygroundConversationQuery['conversation']>;
type ConversationSummary = PlaygroundConversationsQuery['conversations'][number];

/** A tool the emulated models call when offered, so tool calls can be seen end to end. */
const DEMO_TOOL = {
  name: 'get_weather',
  description: 'Current weather for a city: temperature and conditions.',
  inputSchema: {
    type: 'object',
    properties: { city: { type: 'string', description: 'City name' } },
    required: ['city'],
  },
};

interface Settings {
  readonly modelId: string;
  readonly system: string;
  readonly temperature: string;
  readonly maxTokens: string;
  readonly demoTool: boolean;
}

const DEFAULT_MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

function fromStored(message: StoredConversation['messages'][number]): ShownMessage {
  return {
    id: message.id,
    role: message.role,
    content: message.content,
    status: message.status,
    modelId: message.modelId,
    stopReason: message.stopReason,
    errorCode: message.errorCode,
    toolCalls: message.toolCalls.map((call) => ({ ...call, input: JSON.stringify(call.input) })),
    stats:
      message.usage === null || message.cost === null
        ? null
        : {
            inputTokens: message.usage.inputTokens,
            outputTokens: message.usage.outputTokens,
            costUsd: message.cost.totalUsd,
            priced: message.cost.priced,
          },
  };
}

export function ChatView({ conversationId }: { readonly conversationId: string | undefined }) {
  const { models, error: modelsError } = useModels({ outputModality: 'TEXT', streaming: true });
  const [conversations, setConversations] = useState<readonly ConversationSummary[]>([]);
  const [stored, setStored] = useState<StoredConversation | undefined>(undefined);
  const [messages, setMessages] = useState<readonly ShownMessage[]>([]);
  const [streaming, setStreaming] = useState<ShownMessage | undefined>(undefined);
  const [settings, setSettings] = useState<Settings>({
    modelId: DEFAULT_MODEL,
    system: '',
    temperature: '',
    maxTokens: '',
    demoTool: false,
  });
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<GatewayError | undefined>(undefined);
  const [lastSend, setLastSend] = useState<(() => void) | undefined>(undefined);
  const cancelStream = useRef<(() => void) | undefined>(undefined);
  /** The conversation whose messages are on screen: a hash change to it (after create) loads nothing. */
  const shownId = useRef<string | undefined>(undefined);

  const model = useMemo(() => models.find((m) => m.modelId === settings.modelId), [models, settings.modelId]);
  const problems = checkSettings(model, settings);
  const invalid = problems.maxTokens !== undefined || problems.temperature !== undefined;

  const refreshList = useCallback(() => {
    request(ConversationsDocument, { first: 50 })
      .then((data) => {
        setConversations(data.conversations);
      })
      .catch((cause: unknown) => {
        setError(toGatewayError(cause));
      });
  }, []);
  useEffect(refreshList, [refreshList]);

  // Open the conversation the URL names (a reload resumes it), or a blank one.
  useEffect(() => {
    if (conversationId === shownId.current) return;
    cancelStream.current?.();
    setStreaming(undefined);
    setError(undefined);
    shownId.current = conversationId;
    if (conversationId === undefined) {
      setStored(undefined);
      setMessages([]);
      return;
    }
    const controller = new AbortController();
    request(ConversationDocument, { id: conversationId }, controller.signal)
      .then(({ conversation }) => {
        if (conversation === null) {
          setError(
            new GatewayError('NOT_FOUND', `No conversation ${conversationId} for this key; start a new one.`),
          );
          return;
        }
        setStored(conversation);
        setMessages(conversation.messages.map(fromStored));
        setSettings((current) => ({
          ...current,
          modelId: conversation.modelId,
          system: conversation.system ?? '',
          temperature: conversation.temperature === null ? '' : String(conversation.temperature),
          maxTokens: conversation.maxTokens === null ? '' : String(conversation.maxTokens),
        }));
      })
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) setError(toGatewayError(cause));
      });
    return () => {
      controller.abort();
    };
  }, [conversationId]);

  useEffect(() => () => cancelStream.current?.(), []);

  /** Switching the model of an open conversation is saved at once; later turns use the new model. */
  async function switchModel(modelId: string): Promise<void> {
    setSettings((current) => ({ ...current, modelId }));
    if (stored === undefined) return;
    try {
      await request(UpdateConversationDocument, { id: stored.id, input: { modelId } });
      setStored({ ...stored, modelId });
    } catch (cause) {
      setError(toGatewayError(cause));
    }
  }

  /** Creates the conversation on the first send, or saves changed settings, then streams the answer. */
  async function send(content: string): Promise<void> {
    if (invalid || streaming !== undefined) return;
    setError(undefined);
    setLastSend(undefined);
    const maxTokens = numberOrUndefined(settings.maxTokens);
    const temperature = numberOrUndefined(settings.temperature);
    let id = stored?.id;
    try {
      if (stored === undefined) {
        const { createConversation } = await request(CreateConversationDocument, {
          input: {
            modelId: settings.modelId,
            title: content.slice(0, 60),
            ...(settings.system.trim() !== '' && { system: settings.system }),
            ...(maxTokens !== undefined && { maxTokens }),
            ...(temperature !== undefined && { temperature }),
            ...(settings.demoTool && { tools: [DEMO_TOOL] }),
          },
        });
        id = createConversation.id;
        shownId.current = id;
        setStored({
          id,
          title: content.slice(0, 60),
          modelId: settings.modelId,
          system: settings.system,
          maxTokens: maxTokens ?? null,
          temperature: temperature ?? null,
          messages: [],
        });
        location.hash = `#/chat/${id}`;
      } else if (
        settings.system !== (stored.system ?? '') ||
        maxTokens !== (stored.maxTokens ?? undefined) ||
        temperature !== (stored.temperature ?? undefined)
      ) {
        await request(UpdateConversationDocument, {
          id: stored.id,
          input: {
            system: settings.system,
            ...(maxTokens !== undefined && { maxTokens }),
            ...(temperature !== undefined && { temperature }),
          },
        });
        setStored({
          ...stored,
          system: settings.system,
          maxTokens: maxTokens ?? null,
          temperature: temperature ?? null,
        });
      }
    } catch (cause) {
      setError(toGatewayError(cause));
      setLastSend(() => () => void send(content));
      return;
    }
    if (id === undefined) return;
    // A previous answer that called tools gets (demo) results with this turn.
    const previous = messages.at(-1);
    const toolResults =
      previous?.role === 'ASSISTANT' && previous.status === 'COMPLETE' && previous.toolCalls.length > 0
        ? previous.toolCalls.map((call) => ({
            toolUseId: call.toolUseId,
            content: JSON.stringify({ temperatureC: 21, conditions: 'sunny' }),
          }))
        : undefined;
    const userMessage: ShownMessage = {
      id: `local-${Date.now()}`,
      role: 'USER',
      content,
      status: 'COMPLETE',
      modelId: null,
      stopReason: null,
      errorCode: null,
      toolCalls: [],
      stats: null,
    };
    setMessages((current) => [...current, userMessage]);
    setDraft('');
    stream(id, content, toolResults);
  }

  function stream(
    id: string,
    content: string,
    toolResults: { toolUseId: string; content: string }[] | undefined,
  ) {
    let answer: ShownMessage = {
      id: 'streaming',
      role: 'ASSISTANT',
      content: '',
      status: 'STREAMING',
      modelId: settings.modelId,
      stopReason: null,
      errorCode: null,
      toolCalls: [],
      stats: null,
    };
    const tools = new Map<number, ShownToolCall>();
    const update = (next: ShownMessage) => {
      answer = next;
      setStreaming(next);
    };
    const finish = (final: ShownMessage) => {
      cancelStream.current = undefined;
      setStreaming(undefined);
      setMessages((current) => [...current, final]);
      refreshList();
    };
    setStreaming(answer);
    cancelStream.current = subscribe(
      SendMessageStreamDocument,
      { conversationId: id, content, ...(toolResults !== undefined && { toolResults }) },
      {
        next: ({ sendMessageStream: event }) => {
          switch (event.__typename) {
            case 'StreamStart':
              update({ ...answer, modelId: event.modelId });
              break;
            case 'TextDelta':
              update({ ...answer, content: answer.content + event.text });
              break;
            case 'ToolUseDelta': {
              const call = tools.get(event.index);
              tools.set(event.index, {
                toolUseId: event.toolUseId,
                name: event.name,
                input: (call?.input ?? '') + event.inputJson,
              });
              update({ ...answer, toolCalls: [...tools.values()] });
              break;
            }
            case 'StreamEnd':
              finish({
                ...answer,
                id: event.messageId ?? `answer-${Date.now()}`,
                status: 'COMPLETE',
                stopReason: event.stopReason,
                toolCalls: event.toolCalls.map((call) => ({ ...call, input: JSON.stringify(call.input) })),
                stats: {
                  inputTokens: event.usage.inputTokens,
                  outputTokens: event.usage.outputTokens,
                  costUsd: event.cost.totalUsd,
                  priced: event.cost.priced,
                  latencyMs: event.latencyMs,
                },
              });
              break;
          }
        },
        error: (cause) => {
          finish({ ...answer, id: `failed-${Date.now()}`, status: 'INTERRUPTED', errorCode: cause.code });
          setError(cause);
          setLastSend(() => () => {
            setMessages((current) => current.slice(0, -2));
            void send(content);
          });
        },
        complete: () => {
          if (cancelStream.current !== undefined) finish(answer);
        },
      },
    );
  }

  /** Completing the subscription makes the gateway cancel the upstream stream at once. */
  function stop(): void {
    const cancel = cancelStream.current;
    if (cancel === undefined || streaming === undefined) return;
    cancelStream.current = undefined;
    cancel();
    setStreaming(undefined);
    setMessages((current) => [
      ...current,
      { ...streaming, id: `stopped-${Date.now()}`, status: 'INTERRUPTED' },
    ]);
    refreshList();
  }

  async function remove(id: string): Promise<void> {
    try {
      await request(DeleteConversationDocument, { id });
      if (id === stored?.id) location.hash = '#/chat';
      refreshList();
    } catch (cause) {
      setError(toGatewayError(cause));
    }
  }

  const shown = streaming === undefined ? messages : [...messages, streaming];
  return (
    <section className="chat" aria-labelledby="chat-title">
      <aside className="sidebar" aria-label="Conversations">
        <a
          className="button"
          href="#/chat"
          onClick={() => setSettings((s) => ({ ...s, system: '', demoTool: false }))}
        >
          New conversation
        </a>
        <ul data-testid="conversations">
          {conversations.map((c) => (
            <li key={c.id} aria-current={c.id === stored?.id ? 'true' : undefined}>
              <a href={`#/chat/${c.id}`} data-testid="conversation-link">
                {c.title ?? c.id}
                <small className="muted">{c.modelId}</small>
              </a>
              <button
                type="button"
                className="icon"
                aria-label={`Delete ${c.title ?? c.id}`}
                onClick={() => void remove(c.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div className="chat-main">
        <h2 id="chat-title">
          {stored === undefined ? 'New conversation' : (stored.title ?? 'Conversation')}
        </h2>
        <ErrorBanner error={modelsError} />
        <form className="settings" aria-label="Settings" onSubmit={(event) => event.preventDefault()}>
          <ModelSelect value={settings.modelId} models={models} onChange={(id) => void switchModel(id)} />
          <label>
            Temperature
            <input
              type="number"
              inputMode="decimal"
              step="0.1"
              min={0}
              max={model === undefined ? 1 : maxTemperature(model)}
              placeholder="default"
              value={settings.temperature}
              aria-invalid={problems.temperature !== undefined}
              aria-describedby="temperature-problem"
              onChange={(event) => setSettings({ ...settings, temperature: event.target.value })}
            />
          </label>
          <label>
            Max tokens
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={model?.maxOutputTokens ?? undefined}
              placeholder={model?.maxOutputTokens != null ? `≤ ${model.maxOutputTokens}` : 'default'}
              value={settings.maxTokens}
              aria-invalid={problems.maxTokens !== undefined}
              aria-describedby="max-tokens-problem"
              onChange={(event) => setSettings({ ...settings, maxTokens: event.target.value })}
            />
          </label>
          {stored === undefined && model?.toolUse === true && (
            <label className="inline">
              <input
                type="checkbox"
                checked={settings.demoTool}
                onChange={(event) => setSettings({ ...settings, demoTool: event.target.checked })}
              />
              Offer a demo tool (get_weather)
            </label>
          )}
          <label className="wide">
            System prompt
            <textarea
              rows={2}
              value={settings.system}
              onChange={(event) => setSettings({ ...settings, system: event.target.value })}
            />
          </label>
        </form>
        <p className="problem" id="max-tokens-problem" role="alert" data-testid="max-tokens-problem">
          {problems.maxTokens}
        </p>
        <p className="problem" id="temperature-problem" role="alert" data-testid="temperature-problem">
          {problems.temperature}
        </p>
        <ol className="messages" aria-live="polite">
          {shown.map((message) => (
            <MessageView key={message.id} message={message} />
          ))}
        </ol>
        <ErrorBanner error={error} onRetry={lastSend} />
        <form
          className="composer"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim() !== '') void send(draft);
          }}
        >
          <label className="wide">
            Message
            <textarea
              rows={3}
              value={draft}
              placeholder="Ask something (Ctrl+Enter sends)"
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && draft.trim() !== '') {
                  event.preventDefault();
                  void send(draft);
                }
              }}
            />
          </label>
          {streaming === undefined ? (
            <button type="submit" disabled={invalid || draft.trim() === ''}>
              Send
            </button>
          ) : (
            <button type="button" className="stop" onClick={stop}>
              Stop
            </button>
          )}
        </form>
      </div>
    </section>
  );
}
