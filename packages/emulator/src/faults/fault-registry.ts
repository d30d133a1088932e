import type { EmulatorRequest } from '../http/emulator-request.js';
import { BedrockHttpError } from '../http/emulator-request.js';
import {
  checkFaultSpec,
  faultReaches,
  FaultSyntaxError,
  parseFaultHeader,
  type FaultSpec,
} from './fault-spec.js';

/** The request header that injects a fault into one call (README "Faults"). */
export const FAULT_HEADER = 'x-quarry-fault';

/** A per-model fault: from `startEmulator({ faults })`, `emulator.faults.add` or `POST /_emulator/faults`. */
export interface FaultRule {
  /**
   * Base model ID (or the identifier exactly as called: profile ID, ARN). Omitted: every model.
   * Rules only apply to runtime model operations, never to the control plane or agent runtime.
   */
  readonly modelId?: string;
  /** A spec object or the header grammar, e.g. `throttle;count=2`. */
  readonly fault: FaultSpec | string;
}

/** A rule as the registry holds it. */
export interface FaultRuleState {
  readonly id: string;
  readonly modelId: string | undefined;
  readonly fault: FaultSpec;
  /** Calls it will still hit; undefined means unlimited. */
  readonly remaining: number | undefined;
  /** Calls it has hit so far. */
  readonly hits: number;
}

/** The `emulator.faults` API. */
export interface EmulatorFaults {
  /** Adds a rule (checked first-in, first-out) and returns its id. Throws FaultSyntaxError. */
  add(rule: FaultRule): string;
  remove(id: string): boolean;
  /** Removes every rule and forgets the per-header counters. */
  clear(): void;
  list(): readonly FaultRuleState[];
}

/** The operation a fault is selected for. */
export interface FaultTarget {
  /** IDs per-model rules match; undefined for operations that are not runtime model operations. */
  readonly modelIds: readonly string[] | undefined;
  /** Whether the operation answers with an event stream, the only answer the stream-only kinds reach. */
  readonly eventStream: boolean;
}

/** The server-side half: which fault, if any, a request gets. */
export interface FaultRegistry extends EmulatorFaults {
  /**
   * The header fault (while its counter lasts), else the first live rule for one of the target's
   * model IDs. A fault that cannot reach the operation (a stream-only kind on a non-streaming call)
   * is skipped without counting, so `count` only counts calls it actually hits. Counts the hit.
   * Throws ValidationException for a malformed header.
   */
  select(request: EmulatorRequest, target: FaultTarget): FaultSpec | undefined;
}

const MAX_COUNTERS = 100_000;

interface MutableRule {
  readonly id: string;
  readonly modelId: string | undefined;
  readonly fault: FaultSpec;
  remaining: number | undefined;
  hits: number;
}

export function createFaultRegistry(initial: readonly FaultRule[] = []): FaultRegistry {
  const rules: MutableRule[] = [];
  // Keyed by the raw header value (plus the invocation id for scope=call): the same header sent
  // on every attempt of a retry loop counts down, so "throttle;count=2" fails twice then succeeds.
  const headerHits = new Map<string, number>();
  const parsedHeaders = new Map<string, FaultSpec>();
  let nextId = 1;

  const registry: FaultRegistry = {
    add(rule) {
      const fault =
        typeof rule.fault === 'string' ? parseFaultHeader(rule.fault) : checkFaultSpec(rule.fault);
      const id = `fault-${nextId++}`;
      rules.push({ id, modelId: rule.modelId, fault, remaining: fault.count, hits: 0 });
      return id;
    },
    remove(id) {
      const index = rules.findIndex((rule) => rule.id === id);
      if (index === -1) return false;
      rules.splice(index, 1);
      return true;
    },
    clear() {
      rules.length = 0;
      headerHits.clear();
    },
    list: () => rules.map((rule) => ({ ...rule })),
    select(request, target) {
      const header = request.headers[FAULT_HEADER];
      if (header !== undefined && header !== '') {
        const fault = parseHeader(header);
        if (faultReaches(fault, target.eventStream)) {
          const key =
            fault.scope === 'call' ? `${request.headers['amz-sdk-invocation-id'] ?? ''}\n${header}` : header;
          const used = headerHits.get(key) ?? 0;
          if (fault.count === undefined || used < fault.count) {
            // Bounded so a long benchmark with scope=call cannot grow it forever.
            if (used === 0 && headerHits.size >= MAX_COUNTERS)
              headerHits.delete(headerHits.keys().next().value as string);
            headerHits.set(key, used + 1);
            return fault;
          }
        }
      }
      const { modelIds } = target;
      if (modelIds === undefined) return undefined;
      for (const rule of rules) {
        if (rule.remaining === 0 || !faultReaches(rule.fault, target.eventStream)) continue;
        if (rule.modelId !== undefined && !modelIds.includes(rule.modelId)) continue;
        if (rule.remaining !== undefined) rule.remaining--;
        rule.hits++;
        return rule.fault;
      }
      return undefined;
    },
  };

  function parseHeader(header: string): FaultSpec {
    let fault = parsedHeaders.get(header);
    if (fault !== undefined) return fault;
    try {
      fault = parseFaultHeader(header);
    } catch (error) {
      if (!(error instanceof FaultSyntaxError)) throw error;
      throw new BedrockHttpError(
        400,
        'ValidationException',
        `Invalid ${FAULT_HEADER} header: ${error.message}.`,
      );
    }
    if (parsedHeaders.size > 1000) parsedHeaders.clear();
    parsedHeaders.set(header, fault);
    return fault;
  }

  for (const rule of initial) registry.add(rule);
  return registry;
}
