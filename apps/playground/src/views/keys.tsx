import { useEffect, useState } from 'react';
import type { PlaygroundMeQuery } from '../__generated__/graphql';
import { onApiKeyChange, readApiKey } from '../api/api-key';
import { MeDocument } from '../api/documents';
import { toGatewayError, type GatewayError } from '../api/gateway-error';
import { request } from '../api/http';
import { ErrorBanner } from '../components/error-banner';
import { tokens, usd } from '../components/format';
import { KeyField } from '../components/key-field';

type Me = PlaygroundMeQuery['me'];
type UsageRow = PlaygroundMeQuery['usage'][number];

interface Day {
  readonly day: string;
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
}

const DAYS = 30;

function byDay(rows: readonly UsageRow[]): Day[] {
  const days = new Map<string, Day>();
  for (const row of rows) {
    const day = days.get(row.day) ?? { day: row.day, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
    days.set(row.day, {
      day: row.day,
      calls: day.calls + row.calls,
      inputTokens: day.inputTokens + row.inputTokens,
      outputTokens: day.outputTokens + row.outputTokens,
      costUsd: day.costUsd + row.costUsd,
    });
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

export function KeysView() {
  const [key, setKey] = useState(readApiKey);
  const [data, setData] = useState<{ me: Me; days: Day[] } | undefined>(undefined);
  const [error, setError] = useState<GatewayError | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => onApiKeyChange(setKey), []);
  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    setData(undefined);
    const from = new Date(Date.now() - (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    request(MeDocument, { from }, controller.signal)
      .then(({ me, usage }) => {
        setData({ me, days: byDay(usage) });
      })
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) setError(toGatewayError(cause));
      });
    return () => {
      controller.abort();
    };
  }, [key, attempt]);

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">Key and usage</h2>
      <p className="muted">
        Paste an API key: it stays in this tab’s session storage, never in the URL, and every request sends it
        as <code>Authorization: Bearer …</code>.
      </p>
      <KeyField />
      <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />
      {data !== undefined && <KeyDetails me={data.me} />}
      {data !== undefined && <UsageChart days={data.days} />}
    </section>
  );
}

function KeyDetails({ me }: { readonly me: Me }) {
  return (
    <dl className="key-details" data-testid="key-details">
      <dt>Key</dt>
      <dd data-testid="key-name">
        {me.name} <code>{me.id}</code> {me.prefix !== '' && <code>{me.prefix}…</code>}
      </dd>
      <dt>May</dt>
      <dd data-testid="key-operations">
        {me.operations.map((operation) => (
          <span className="badge" key={operation}>
            {operation}
          </span>
        ))}
      </dd>
      <dt>Models</dt>
      <dd data-testid="key-models">{me.models === null ? 'every model' : me.models.join(', ')}</dd>
      <dt>Limits</dt>
      <dd>
        {me.requestsPerMinute === null ? 'no request limit' : `${me.requestsPerMinute} requests/min`} ·{' '}
        {me.tokensPerMinute === null ? 'no token limit' : `${tokens(me.tokensPerMinute)} tokens/min`}
      </dd>
      <dt>Budget</dt>
      <dd data-testid="key-budget">
        {usd(me.spentUsd)} spent this month
        {me.monthlyBudgetUsd !== null && ` of ${usd(me.monthlyBudgetUsd)}`}
      </dd>
      {me.expiresAt !== null && (
        <>
          <dt>Expires</dt>
          <dd>{me.expiresAt}</dd>
        </>
      )}
    </dl>
  );
}

/** Cost per UTC day over the last 30 days as bars; the table under it holds the same numbers. */
function UsageChart({ days }: { readonly days: readonly Day[] }) {
  const width = 600;
  const height = 160;
  const today = Date.now();
  const slots = Array.from({ length: DAYS }, (_, i) =>
    new Date(today - (DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
  const byName = new Map(days.map((d) => [d.day, d]));
  const max = Math.max(...days.map((d) => d.costUsd), 0);
  const barWidth = width / DAYS;
  return (
    <figure className="usage">
      <figcaption>Cost by day (UTC), last {DAYS} days</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height + 20}`}
        role="img"
        aria-label={`Cost by day: ${days.map((d) => `${d.day} ${usd(d.costUsd)}`).join(', ') || 'no usage'}`}
        data-testid="usage-chart"
      >
        <line x1={0} x2={width} y1={height} y2={height} className="axis" />
        {slots.map((slot, i) => {
          const day = byName.get(slot);
          if (day === undefined) return null;
          const barHeight = max === 0 ? 2 : Math.max(2, (day.costUsd / max) * (height - 10));
          return (
            <rect
              key={slot}
              data-testid="usage-bar"
              data-day={slot}
              x={i * barWidth + 2}
              y={height - barHeight}
              width={barWidth - 4}
              height={barHeight}
              className="bar"
            >
              <title>{`${slot}: ${day.calls} calls, ${usd(day.costUsd)}`}</title>
            </rect>
          );
        })}
        <text x={0} y={height + 15} className="tick">
          {slots[0]}
        </text>
        <text x={width} y={height + 15} className="tick" textAnchor="end">
          {slots.at(-1)}
        </text>
      </svg>
      {days.length === 0 ? (
        <p className="muted" data-testid="no-usage">
          No calls with this key in the last {DAYS} days.
        </p>
      ) : (
        <table className="usage-table" data-testid="usage-table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Calls</th>
              <th scope="col">Input tokens</th>
              <th scope="col">Output tokens</th>
              <th scope="col">Cost</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day} data-testid="usage-row">
                <td>{day.day}</td>
                <td data-testid="usage-calls">{day.calls}</td>
                <td>{tokens(day.inputTokens)}</td>
                <td>{tokens(day.outputTokens)}</td>
                <td>{usd(day.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
