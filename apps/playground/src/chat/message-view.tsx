import { ms, tokens, usd } from '../components/format';
import type { ShownMessage } from './chat-types';

export function MessageView({ message }: { readonly message: ShownMessage }) {
  const { stats } = message;
  return (
    <li
      className={`message ${message.role.toLowerCase()}`}
      data-testid="message"
      data-role={message.role}
      data-status={message.status}
    >
      <div className="message-meta">
        <strong>{message.role === 'USER' ? 'You' : 'Model'}</strong>
        {message.modelId !== null && <code data-testid="message-model">{message.modelId}</code>}
        {message.status === 'STREAMING' && (
          <span className="badge" data-testid="streaming">
            streaming…
          </span>
        )}
        {message.status === 'INTERRUPTED' && (
          <span className="badge warn" data-testid="interrupted">
            interrupted{message.errorCode !== null ? ` (${message.errorCode})` : ''}
          </span>
        )}
      </div>
      <div className="message-text" data-testid="message-text">
        {message.content}
      </div>
      {message.toolCalls.map((call) => (
        <div className="tool-call" key={call.toolUseId} data-testid="tool-call">
          <span>
            Tool call <code>{call.name}</code>
          </span>
          <pre>{call.input}</pre>
        </div>
      ))}
      {stats !== null && (
        <div className="reply-stats muted" data-testid="reply-stats">
          {tokens(stats.inputTokens)} in · {tokens(stats.outputTokens)} out ·{' '}
          {stats.priced ? usd(stats.costUsd) : 'not priced'}
          {stats.latencyMs !== undefined && ` · ${ms(stats.latencyMs)}`}
          {message.stopReason !== null && ` · ${message.stopReason}`}
        </div>
      )}
    </li>
  );
}
