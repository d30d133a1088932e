import { z } from 'zod';

import type { FaultRegistry } from '../faults/fault-registry.js';
import { FaultSyntaxError } from '../faults/fault-spec.js';
import { BedrockHttpError, type EmulatorRequest, type EmulatorResponse } from './emulator-request.js';
import type { StatsRecorder } from './emulator-stats.js';

/** First path segment of the emulator's own endpoints; no Bedrock path starts with it. */
export const ADMIN_ROOT = '_emulator';

const FaultRuleBody = z.object({
  modelId: z.string().min(1).optional(),
  fault: z.union([z.string().min(1), z.looseObject({ kind: z.string() })]),
});

/**
 * `/_emulator/*`, for tools that cannot call `emulator.faults` in-process (the standalone CLI):
 * - `GET /_emulator/health` → `{"status":"ok"}`
 * - `GET|POST|DELETE /_emulator/faults`, `DELETE /_emulator/faults/{id}`
 * - `GET|DELETE /_emulator/stats`
 */
export function handleAdmin(
  request: EmulatorRequest,
  faults: FaultRegistry,
  stats: StatsRecorder,
): EmulatorResponse {
  const [, resource, id] = request.segments;
  const route = `${request.method} ${resource ?? ''}${id === undefined ? '' : '/:id'}`;
  switch (route) {
    case 'GET health':
      return json(200, { status: 'ok' });
    case 'GET faults':
      return json(200, { rules: faults.list() });
    case 'POST faults':
      return json(201, { id: addRule(request, faults) });
    case 'DELETE faults':
      faults.clear();
      return json(200, {});
    case 'DELETE faults/:id':
      if (id !== undefined && faults.remove(id)) return json(200, {});
      throw new BedrockHttpError(404, 'ResourceNotFoundException', `No fault rule ${id ?? ''}.`);
    case 'GET stats':
      return json(200, stats.snapshot());
    case 'DELETE stats':
      stats.reset();
      return json(200, {});
    default:
      throw new BedrockHttpError(
        404,
        'UnknownOperationException',
        `Unknown emulator endpoint ${request.method} /${request.segments.join('/')}.`,
      );
  }
}

function addRule(request: EmulatorRequest, faults: FaultRegistry): string {
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    throw new BedrockHttpError(
      400,
      'ValidationException',
      'The body must be JSON: {"modelId"?: string, "fault": string | object}.',
    );
  }
  const parsed = FaultRuleBody.safeParse(body);
  if (!parsed.success) {
    throw new BedrockHttpError(
      400,
      'ValidationException',
      `Invalid fault rule: ${z.prettifyError(parsed.error)}`,
    );
  }
  try {
    const { modelId, fault } = parsed.data;
    return faults.add({
      ...(modelId !== undefined && { modelId }),
      fault:
        typeof fault === 'string'
          ? fault
          : (fault as unknown as Parameters<FaultRegistry['add']>[0]['fault']),
    });
  } catch (error) {
    if (error instanceof FaultSyntaxError)
      throw new BedrockHttpError(400, 'ValidationException', `Invalid fault rule: ${error.message}.`);
    throw error;
  }
}

function json(status: number, body: unknown): EmulatorResponse {
  return { kind: 'json', status, body };
}
