import type { EmulatorRequest, EmulatorResponse } from '../http/emulator-request.js';

/** Path labels of a matched route, by the name used in its pattern (`:modelIdentifier`). */
export interface RouteLabels {
  /** The decoded label value; throws if the pattern has no such label (a programming error). */
  get(name: string): string;
}

export type RouteHandler = (
  request: EmulatorRequest,
  labels: RouteLabels,
) => EmulatorResponse | Promise<EmulatorResponse>;

/** One operation: an HTTP method and a path pattern such as `/custom-models/:modelIdentifier`. */
export interface Route {
  readonly method: string;
  readonly pattern: readonly string[];
  readonly handler: RouteHandler;
  /** Whether the operation answers with an event stream (InvokeAgent, RetrieveAndGenerateStream). */
  readonly eventStream: boolean;
}

/**
 * Declares a route; `:name` segments are labels, matched against already-decoded path segments.
 * `eventStream` marks operations whose answer is an event stream, the only ones stream faults reach.
 */
export function route(
  method: string,
  path: string,
  handler: RouteHandler,
  options: { readonly eventStream?: boolean } = {},
): Route {
  return {
    method,
    pattern: path.split('/').filter((part) => part !== ''),
    handler,
    eventStream: options.eventStream ?? false,
  };
}

/**
 * Finds the route for a request, or undefined when no route has this method and path, so the
 * caller can let another component (runtime, agent runtime) answer.
 */
function matchRoute(
  routes: readonly Route[],
  request: EmulatorRequest,
): { readonly route: Route; readonly labels: RouteLabels } | undefined {
  // Tolerate a leading, trailing or doubled `/`: whether the transport keeps empty segments is its business.
  const segments = request.segments.filter((segment) => segment !== '');
  for (const candidate of routes) {
    if (candidate.method !== request.method.toUpperCase()) continue;
    const values = matchSegments(candidate.pattern, segments);
    if (values !== undefined) {
      return {
        route: candidate,
        labels: {
          get(name) {
            const value = values.get(name);
            if (value === undefined)
              throw new Error(`route ${candidate.pattern.join('/')} has no label ${name}`);
            return value;
          },
        },
      };
    }
  }
  return undefined;
}

/**
 * A request a route has claimed, not run yet: the router applies faults for the owning service
 * before running it.
 */
export interface RouteOperation {
  /** `METHOD /first-segment` of the route's pattern, a bounded name for stats. */
  readonly operation: string;
  /** Whether it answers with an event stream. */
  readonly eventStream: boolean;
  /**
   * Runs the handler inside a promise, so that a synchronous throw (a BedrockHttpError from
   * validation) becomes a rejection the transport turns into an error response.
   */
  run(): Promise<EmulatorResponse>;
}

/** The operation of the matching route, or undefined so another component can answer. */
export function findOperation(
  routes: readonly Route[],
  request: EmulatorRequest,
): RouteOperation | undefined {
  const match = matchRoute(routes, request);
  if (match === undefined) return undefined;
  return {
    operation: `${match.route.method} /${match.route.pattern[0] ?? ''}`,
    eventStream: match.route.eventStream,
    run: () =>
      new Promise((resolve) => {
        resolve(match.route.handler(request, match.labels));
      }),
  };
}

function matchSegments(
  pattern: readonly string[],
  segments: readonly string[],
): Map<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const values = new Map<string, string>();
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) values.set(part.slice(1), segment);
    else if (part !== segment) return undefined;
  }
  return values;
}
