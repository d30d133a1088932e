import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Everything GET /metrics reports; one instance per server (no global registry). */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** GraphQL root fields served, by field and outcome code (`OK` or the error code). */
  readonly operations: Counter<'field' | 'code'>;
  readonly operationSeconds: Histogram<'field'>;
  /** Upstream (Bedrock) calls through the policy step, by operation, base model and outcome code. */
  readonly upstreamCalls: Counter<'operation' | 'model' | 'code'>;
  readonly upstreamSeconds: Histogram<'operation'>;
  /** HTTP attempts beyond the first that core's retry layer made. */
  readonly upstreamRetries: Counter<'operation'>;
  readonly tokens: Counter<'model' | 'direction'>;
  readonly costUsd: Counter<'model'>;
  /** Calls the policy refused before going upstream, by reason code. */
  readonly refusals: Counter<'code'>;
  readonly activeStreams: Gauge;
  readonly activeSockets: Gauge;
  readonly httpRequests: Counter<'status'>;
  /** HTTP requests the fast path answered (the rest went through Apollo's request pipeline). */
  readonly fastPathRequests: Counter;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export interface GatewayMetricsOptions {
  readonly processMetrics: boolean;
  /** Read at scrape time. */
  readonly activeStreams: () => number;
}

export function createGatewayMetrics(options: GatewayMetricsOptions): GatewayMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'quarry_' });
  const registers = [registry];
  return {
    registry,
    operations: new Counter({
      name: 'quarry_graphql_operations_total',
      help: 'GraphQL root fields served, by field and outcome code (OK or the error code).',
      labelNames: ['field', 'code'],
      registers,
    }),
    operationSeconds: new Histogram({
      name: 'quarry_graphql_operation_seconds',
      help: 'Time to resolve a root field (a subscription: until its stream ends).',
      labelNames: ['field'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    upstreamCalls: new Counter({
      name: 'quarry_upstream_calls_total',
      help: 'Bedrock calls made through the policy step, by operation, base model and outcome code.',
      labelNames: ['operation', 'model', 'code'],
      registers,
    }),
    upstreamSeconds: new Histogram({
      name: 'quarry_upstream_call_seconds',
      help: 'Wall time of Bedrock calls, retries included.',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    upstreamRetries: new Counter({
      name: 'quarry_upstream_retries_total',
      help: 'HTTP attempts beyond the first made by the retry layer.',
      labelNames: ['operation'],
      registers,
    }),
    tokens: new Counter({
      name: 'quarry_tokens_total',
      help: 'Tokens reported by Bedrock, by base model and direction (input or output).',
      labelNames: ['model', 'direction'],
      registers,
    }),
    costUsd: new Counter({
      name: 'quarry_cost_usd_total',
      help: 'Cost at catalog list prices, by base model.',
      labelNames: ['model'],
      registers,
    }),
    refusals: new Counter({
      name: 'quarry_policy_refusals_total',
      help: 'Calls refused before any upstream call, by code (FORBIDDEN, RATE_LIMITED, BUDGET_EXCEEDED, BAD_USER_INPUT).',
      labelNames: ['code'],
      registers,
    }),
    activeStreams: new Gauge({
      name: 'quarry_active_streams',
      help: 'Streams open right now.',
      registers,
      collect() {
        this.set(options.activeStreams());
      },
    }),
    activeSockets: new Gauge({
      name: 'quarry_active_sockets',
      help: 'graphql-ws sockets open right now.',
      registers,
    }),
    httpRequests: new Counter({
      name: 'quarry_http_requests_total',
      help: 'HTTP requests to /graphql, by response status.',
      labelNames: ['status'],
      registers,
    }),
    fastPathRequests: new Counter({
      name: 'quarry_http_fast_path_requests_total',
      help: "HTTP requests to /graphql answered without Apollo's request pipeline (same answer, less CPU).",
      registers,
    }),
  };
}
