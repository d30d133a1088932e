import { createModelCatalog } from '@quarry/core/catalog';
import { describe, expect, it } from 'vitest';

import { createObjectStore } from '../src/s3/object-store.js';
import { createControlPlane } from '../src/control-plane/control-plane.js';
import type { EmulatorRequest, EmulatorResponse } from '../src/http/emulator-request.js';
import { createManualClock } from './support-control/manual-clock.js';

const ACCOUNT_ID = '210987654321';

function request(method: string, path: string, body?: unknown, region = 'us-east-1'): EmulatorRequest {
  const [pathname = '', search = ''] = path.split('?');
  return {
    method,
    // Split first, then decode, as the transport does: ARNs travel with their `/` escaped.
    segments: pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeURIComponent),
    query: new URLSearchParams(search),
    headers: {},
    body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
    region,
    signal: new AbortController().signal,
  };
}

function jsonBody(response: EmulatorResponse | undefined): Record<string, unknown> {
  if (response?.kind !== 'json')
    throw new Error(`expected a JSON response, got ${response?.kind ?? 'nothing'}`);
  return response.body as Record<string, unknown>;
}

function setup(strictAccess = false) {
  const clock = createManualClock();
  const controlPlane = createControlPlane({
    catalog: createModelCatalog(),
    strictAccess,
    jobDurationMs: 1_000,
    batchJobDurationMs: 1_000,
    provisioningDurationMs: 500,
    now: clock.now,
    accountId: ACCOUNT_ID,
    objectStore: createObjectStore(clock.now),
    runRecord: () => Promise.reject(new Error('no batch records in these tests')),
  });
  const call = async (method: string, path: string, body?: unknown, region?: string) =>
    jsonBody(await controlPlane.match(request(method, path, body, region))?.run());
  return { clock, controlPlane, call };
}

describe('createControlPlane', () => {
  it('declines paths that are not control-plane operations', () => {
    const { controlPlane } = setup();
    expect(controlPlane.match(request('POST', '/model/amazon.nova-lite-v1:0/invoke'))).toBeUndefined();
    expect(controlPlane.match(request('POST', '/agents/A/agentAliases/B/sessions/C/text'))).toBeUndefined();
    expect(controlPlane.match(request('PUT', '/foundation-models'))).toBeUndefined();
  });

  it('looks up provisioned throughput by ARN, ID or name with its current status', async () => {
    const { clock, controlPlane, call } = setup();
    const { provisionedModelArn } = await call('POST', '/provisioned-model-throughput', {
      modelId: 'amazon.titan-text-express-v1',
      modelUnits: 1,
      provisionedModelName: 'pt',
    });
    const arn = String(provisionedModelArn);
    expect(arn.startsWith(`arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:provisioned-model/`)).toBe(true);
    expect(controlPlane.lookupProvisioned('us-east-1', arn)).toEqual({
      modelId: 'amazon.titan-text-express-v1',
      status: 'Creating',
    });
    clock.advance(500);
    expect(controlPlane.lookupProvisioned('us-east-1', arn.split('/')[1] ?? '')?.status).toBe('InService');
    expect(controlPlane.lookupProvisioned('us-east-1', 'pt')?.status).toBe('InService');
    expect(controlPlane.lookupProvisioned('us-east-1', 'missing')).toBeUndefined();
    // Resources are regional: another region's lookup does not see it, by ARN, ID or name.
    expect(controlPlane.lookupProvisioned('eu-west-1', arn)).toBeUndefined();
    expect(controlPlane.lookupProvisioned('eu-west-1', arn.split('/')[1] ?? '')).toBeUndefined();
    expect(controlPlane.lookupProvisioned('eu-west-1', 'pt')).toBeUndefined();
  });

  it('looks up custom models only once their job completes, and application profiles', async () => {
    const { clock, controlPlane, call } = setup();
    const { jobArn } = await call('POST', '/model-customization-jobs', {
      jobName: 'j',
      customModelName: 'm',
      roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/r`,
      baseModelIdentifier: 'amazon.nova-micro-v1:0',
      trainingDataConfig: { s3Uri: 's3://bucket/train.jsonl' },
      outputDataConfig: { s3Uri: 's3://bucket/out/' },
    });
    expect(controlPlane.lookupCustomModel('us-east-1', 'm')).toBeUndefined();
    clock.advance(1_000);
    const job = await call('GET', `/model-customization-jobs/${encodeURIComponent(String(jobArn))}`);
    expect(controlPlane.lookupCustomModel('us-east-1', String(job['outputModelArn']))).toEqual({
      baseModelId: 'amazon.nova-micro-v1:0',
    });
    expect(controlPlane.lookupCustomModel('eu-west-1', String(job['outputModelArn']))).toBeUndefined();

    const { inferenceProfileArn } = await call('POST', '/inference-profiles', {
      inferenceProfileName: 'app',
      modelSource: { copyFrom: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0' },
    });
    expect(controlPlane.lookupApplicationProfile('us-east-1', String(inferenceProfileArn))).toEqual({
      modelId: 'amazon.nova-micro-v1:0',
    });
    expect(controlPlane.lookupApplicationProfile('eu-west-1', String(inferenceProfileArn))).toBeUndefined();
  });

  it('grants access per region once an agreement exists, only in strict mode', async () => {
    const lenient = setup(false);
    expect(lenient.controlPlane.hasAccess('us-east-1', 'anthropic.claude-3-haiku-20240307-v1:0')).toBe(true);

    const { controlPlane, call } = setup(true);
    const model = 'anthropic.claude-3-haiku-20240307-v1:0';
    expect(controlPlane.hasAccess('us-east-1', model)).toBe(false);
    expect(controlPlane.hasAccess('us-east-1', 'amazon.nova-micro-v1:0')).toBe(true);
    expect(controlPlane.hasAccess('us-east-1', 'acme.unknown-v1')).toBe(true);
    const offers = await call('GET', `/list-foundation-model-agreement-offers/${model}`);
    const [offer] = offers['offers'] as { offerToken: string }[];
    await call('POST', '/create-foundation-model-agreement', {
      modelId: model,
      offerToken: offer?.offerToken,
    });
    expect(controlPlane.hasAccess('us-east-1', model)).toBe(true);
    expect(controlPlane.hasAccess('eu-west-1', model)).toBe(false);
  });

  it('forgets everything on close', async () => {
    const { controlPlane, call } = setup();
    await call('POST', '/provisioned-model-throughput', {
      modelId: 'amazon.titan-text-express-v1',
      modelUnits: 1,
      provisionedModelName: 'pt',
    });
    controlPlane.close();
    expect(controlPlane.lookupProvisioned('us-east-1', 'pt')).toBeUndefined();
  });

  it('forgets idempotency tokens on close, so a reused token creates a live resource', async () => {
    const { controlPlane, call } = setup();
    const throughput = {
      modelId: 'amazon.titan-text-express-v1',
      modelUnits: 1,
      provisionedModelName: 'pt',
      clientRequestToken: 'token-1',
    };
    const profile = {
      inferenceProfileName: 'app',
      modelSource: { copyFrom: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0' },
      clientRequestToken: 'token-2',
    };
    const firstThroughput = String(
      (await call('POST', '/provisioned-model-throughput', throughput))['provisionedModelArn'],
    );
    const firstProfile = String((await call('POST', '/inference-profiles', profile))['inferenceProfileArn']);
    // A retry before close replays the same resource.
    expect((await call('POST', '/provisioned-model-throughput', throughput))['provisionedModelArn']).toBe(
      firstThroughput,
    );

    controlPlane.close();
    const secondThroughput = String(
      (await call('POST', '/provisioned-model-throughput', { ...throughput, modelUnits: 2 }))[
        'provisionedModelArn'
      ],
    );
    expect(secondThroughput).not.toBe(firstThroughput);
    expect(controlPlane.lookupProvisioned('us-east-1', secondThroughput)).toMatchObject({
      status: 'Creating',
    });
    const secondProfile = String((await call('POST', '/inference-profiles', profile))['inferenceProfileArn']);
    expect(secondProfile).not.toBe(firstProfile);
    expect(controlPlane.lookupApplicationProfile('us-east-1', secondProfile)).toEqual({
      modelId: 'amazon.nova-micro-v1:0',
    });
  });
});
