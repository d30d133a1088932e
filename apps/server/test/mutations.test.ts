import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayHarness } from './support/gateway-harness.js';

let gateway: GatewayHarness;
let clock = Date.parse('2026-11-25T10:00:00Z');
beforeAll(async () => {
  gateway = await startGateway({
    emulator: { now: () => clock, jobDurationMs: 60_000, provisioningDurationMs: 30_000 },
  });
});
afterAll(async () => {
  await gateway.close();
});

const INVOKE = `mutation ($input: InvokeInput!) {
  invoke(input: $input) {
    text stopReason rawStopReason modelId baseModelId latencyMs requestId
    usage { inputTokens outputTokens totalTokens }
    cost { inputUsd outputUsd totalUsd priced }
    toolCalls { toolUseId name input }
  }
}`;

interface InvokeRow {
  text: string;
  stopReason: string;
  modelId: string;
  baseModelId: string;
  usage: { inputTokens: number; outputTokens: number; totalTokens: number };
  cost: { totalUsd: number; priced: boolean };
  toolCalls: { toolUseId: string; name: string; input: unknown }[];
}

describe('Mutation.invoke', () => {
  it.each([
    'anthropic.claude-3-haiku-20240307-v1:0',
    'us.anthropic.claude-3-5-haiku-20241022-v1:0',
    'amazon.titan-text-lite-v1',
    'amazon.nova-micro-v1:0',
    'meta.llama3-1-8b-instruct-v1:0',
    'mistral.mixtral-8x7b-instruct-v0:1',
    'cohere.command-r-plus-v1:0',
    'ai21.jamba-1-5-large-v1:0',
  ])('answers in one shape for %s', async (modelId) => {
    const { body } = await gateway.gql<{ invoke: InvokeRow }>(INVOKE, {
      input: {
        modelId,
        system: 'Be brief.',
        messages: [{ role: 'USER', content: 'Describe a harbor.' }],
        maxTokens: 30,
      },
    });
    expect(body.errors).toBeUndefined();
    const result = body.data?.invoke;
    expect(result?.text.length).toBeGreaterThan(0);
    expect(['END_TURN', 'MAX_TOKENS']).toContain(result?.stopReason);
    expect(result?.usage.totalTokens).toBe(
      (result?.usage.inputTokens ?? 0) + (result?.usage.outputTokens ?? 0),
    );
    expect(result?.cost.priced).toBe(true);
    expect(result?.modelId).toBe(modelId);
  });

  it('accepts a prompt shorthand and multi-turn history', async () => {
    const prompt = await gateway.gql<{ invoke: InvokeRow }>(INVOKE, {
      input: { modelId: 'amazon.nova-lite-v1:0', prompt: 'Hello' },
    });
    expect(prompt.body.data?.invoke.text.length).toBeGreaterThan(0);
    const history = await gateway.gql<{ invoke: InvokeRow }>(INVOKE, {
      input: {
        modelId: 'amazon.nova-lite-v1:0',
        messages: [
          { role: 'USER', content: 'Hi' },
          { role: 'ASSISTANT', content: 'Hello!' },
          { role: 'USER', content: 'And now?' },
        ],
      },
    });
    expect(history.body.data?.invoke.text).not.toBe(prompt.body.data?.invoke.text);
  });

  it('returns parsed tool calls and accepts tool results in the next turn', async () => {
    const tools = [
      {
        name: 'get_weather',
        description: 'Current weather for a city',
        inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
    ];
    const first = await gateway.gql<{ invoke: InvokeRow }>(INVOKE, {
      input: {
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        prompt: 'Weather in Paris?',
        tools,
        toolChoice: { mode: 'TOOL', name: 'get_weather' },
      },
    });
    const call = first.body.data?.invoke.toolCalls[0];
    expect(first.body.data?.invoke.stopReason).toBe('TOOL_USE');
    expect(call?.name).toBe('get_weather');
    expect(call?.input).toEqual(expect.objectContaining({ city: expect.any(String) as string }));
    const second = await gateway.gql<{ invoke: InvokeRow }>(INVOKE, {
      input: {
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        tools,
        messages: [
          { role: 'USER', content: 'Weather in Paris?' },
          {
            role: 'ASSISTANT',
            content: '',
            toolUses: [{ toolUseId: call?.toolUseId, name: call?.name, input: call?.input }],
          },
          {
            role: 'USER',
            content: '',
            toolResults: [{ toolUseId: call?.toolUseId, content: '{"tempC": 21}' }],
          },
        ],
      },
    });
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data?.invoke.stopReason).toBe('END_TURN');
    expect(second.body.data?.invoke.text.length).toBeGreaterThan(0);
  });

  it('refuses tools on a family without tool support before calling upstream', async () => {
    const before = gateway.emulator.stats.snapshot().requests;
    const { body } = await gateway.gql(INVOKE, {
      input: {
        modelId: 'meta.llama3-8b-instruct-v1:0',
        prompt: 'Weather?',
        tools: [{ name: 'get_weather', inputSchema: { type: 'object' } }],
      },
    });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('does not support tool use');
    expect(gateway.emulator.stats.snapshot().requests).toBe(before);
  });

  it('refuses giving both prompt and messages', async () => {
    const { body } = await gateway.gql(INVOKE, {
      input: { modelId: 'amazon.nova-lite-v1:0', prompt: 'a', messages: [{ role: 'USER', content: 'b' }] },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.prompt' });
  });
});

describe('Mutation.invokeRaw', () => {
  it('passes the native body through and returns the native response', async () => {
    const { body } = await gateway.gql<{ invokeRaw: { generation: string; stop_reason: string } }>(
      `mutation ($body: JSON!) { invokeRaw(modelId: "meta.llama3-8b-instruct-v1:0", body: $body) }`,
      { body: { prompt: 'Hello', max_gen_len: 16 } },
    );
    expect(body.data?.invokeRaw.generation.length).toBeGreaterThan(0);
    expect(['stop', 'length']).toContain(body.data?.invokeRaw.stop_reason);
  });

  it('refuses a body that is not a JSON object', async () => {
    const { body } = await gateway.gql(
      `mutation { invokeRaw(modelId: "meta.llama3-8b-instruct-v1:0", body: [1, 2]) }`,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
  });
});

describe('Mutation.embed', () => {
  const EMBED = `mutation ($input: EmbedInput!) {
    embed(input: $input) {
      embeddings { index dimensions values base64 error { code message } }
      usage { inputTokens }
      cost { totalUsd }
    }
  }`;

  it('returns values and an equivalent little-endian float32 base64 per text', async () => {
    const { body } = await gateway.gql<{
      embed: {
        embeddings: { index: number; dimensions: number; values: number[]; base64: string }[];
        usage: { inputTokens: number };
      };
    }>(EMBED, {
      input: {
        modelId: 'amazon.titan-embed-text-v2:0',
        texts: ['one river', 'two bridges'],
        dimensions: 256,
      },
    });
    const [first, second] = body.data?.embed.embeddings ?? [];
    expect(first?.dimensions).toBe(256);
    expect(second?.index).toBe(1);
    const decoded = new Float32Array(new Uint8Array(Buffer.from(first?.base64 ?? '', 'base64')).buffer);
    expect(Array.from(decoded)).toEqual(first?.values);
    expect(body.data?.embed.usage.inputTokens).toBeGreaterThan(0);
  });

  it('returns decodable little-endian floats when only base64 is selected', async () => {
    const input = {
      modelId: 'amazon.titan-embed-text-v2:0',
      texts: ['one river', 'two bridges'],
      dimensions: 512,
      normalize: true,
    };
    const base64Only = await gateway.gql<{
      embed: { embeddings: { index: number; dimensions: number; base64: string }[] };
    }>(`mutation ($input: EmbedInput!) { embed(input: $input) { embeddings { index dimensions base64 } } }`, {
      input,
    });
    const valuesOnly = await gateway.gql<{ embed: { embeddings: { values: number[] }[] } }>(
      `mutation ($input: EmbedInput!) { embed(input: $input) { embeddings { values } } }`,
      { input },
    );
    expect(base64Only.body.errors).toBeUndefined();
    const embeddings = base64Only.body.data?.embed.embeddings ?? [];
    expect(embeddings).toHaveLength(2);
    for (const [index, embedding] of embeddings.entries()) {
      const bytes = Buffer.from(embedding.base64, 'base64');
      expect(bytes.byteLength).toBe(512 * 4);
      expect(embedding.dimensions).toBe(512);
      // Read explicitly as little-endian, whatever this machine's byte order.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const decoded = Array.from({ length: 512 }, (_, at) => view.getFloat32(at * 4, true));
      expect(Math.hypot(...decoded)).toBeCloseTo(1, 5);
      expect(decoded).toEqual(valuesOnly.body.data?.embed.embeddings[index]?.values);
    }
  });

  it('reports a failing text as its own error and embeds the rest', async () => {
    const { body } = await gateway.gql<{
      embed: { embeddings: { dimensions: number; error: { code: string } | null }[] };
    }>(EMBED, {
      input: { modelId: 'cohere.embed-english-v3', texts: ['fine', '', 'fine too'] },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.embed.embeddings.map((row) => row.error?.code ?? null)).toEqual([
      null,
      'BAD_USER_INPUT',
      null,
    ]);
    expect(body.data?.embed.embeddings[0]?.dimensions).toBe(1024);
  });
});

describe('Mutation.generateImage', () => {
  it('returns a base64 PNG of the requested size', async () => {
    const { body } = await gateway.gql<{
      generateImage: { images: { base64: string; mimeType: string }[]; cost: { totalUsd: number } };
    }>(
      `mutation { generateImage(input: { modelId: "amazon.titan-image-generator-v2:0", prompt: "a lighthouse", width: 512, height: 512, seed: 3 }) {
        images { base64 mimeType seed } cost { totalUsd } } }`,
    );
    const png = Buffer.from(body.data?.generateImage.images[0]?.base64 ?? '', 'base64');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(body.data?.generateImage.images[0]?.mimeType).toBe('image/png');
    expect(body.data?.generateImage.cost.totalUsd).toBeGreaterThan(0);
  });
});

describe('account mutations', () => {
  it('accepts an agreement offer', async () => {
    const offers = await gateway.gql<{ agreementOffers: { offerToken: string }[] }>(
      `{ agreementOffers(modelId: "anthropic.claude-3-haiku-20240307-v1:0") { offerToken } }`,
    );
    const token = offers.body.data?.agreementOffers[0]?.offerToken;
    const { body } = await gateway.gql<{ acceptAgreement: { modelId: string; accepted: boolean } }>(
      `mutation ($token: String!) { acceptAgreement(modelId: "anthropic.claude-3-haiku-20240307-v1:0", offerToken: $token) { modelId accepted } }`,
      { token },
    );
    expect(body.data?.acceptAgreement).toEqual({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      accepted: true,
    });
  });

  it('creates a customization job that completes into a custom model', async () => {
    const { body } = await gateway.gql<{ createModelCustomizationJob: { jobArn: string; status: string } }>(
      `mutation { createModelCustomizationJob(input: {
         jobName: "gql-tune", customModelName: "gql-model", roleArn: "arn:aws:iam::123456789012:role/Bedrock",
         baseModelId: "amazon.titan-text-express-v1", trainingDataS3Uri: "s3://quarry-bucket/train.jsonl", outputDataS3Uri: "s3://quarry-bucket/out/",
         hyperParameters: { epochCount: "1" } }) { jobArn status } }`,
    );
    expect(body.data?.createModelCustomizationJob.status).toBe('InProgress');
    clock += 61_000;
    const after = await gateway.gql<{
      customizationJobs: { status: string }[];
      customModels: { modelName: string; baseModelId: string }[];
    }>(`{ customizationJobs { status } customModels { modelName baseModelId } }`);
    expect(after.body.data?.customizationJobs[0]?.status).toBe('Completed');
    expect(after.body.data?.customModels[0]).toEqual({
      modelName: 'gql-model',
      baseModelId: 'amazon.titan-text-express-v1',
    });
  });

  it('refuses hyperparameters that are not strings', async () => {
    const { body } = await gateway.gql(
      `mutation { createModelCustomizationJob(input: {
         jobName: "bad", customModelName: "bad", roleArn: "arn:aws:iam::123456789012:role/Bedrock",
         baseModelId: "amazon.titan-text-express-v1", trainingDataS3Uri: "s3://quarry-bucket/t", outputDataS3Uri: "s3://quarry-bucket/o",
         hyperParameters: { epochCount: 1 } }) { jobArn } }`,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.hyperParameters',
    });
  });

  it('creates provisioned throughput that serves invoke once in service', async () => {
    const { body } = await gateway.gql<{
      createProvisionedThroughput: { provisionedModelArn: string; status: string };
    }>(
      `mutation { createProvisionedThroughput(input: { provisionedModelName: "pt-1", modelId: "amazon.titan-text-express-v1", modelUnits: 1 }) {
        provisionedModelArn status modelUnits } }`,
    );
    const arn = body.data?.createProvisionedThroughput.provisionedModelArn ?? '';
    expect(body.data?.createProvisionedThroughput.status).toBe('Creating');
    clock += 31_000;
    const invoked = await gateway.gql<{ invoke: InvokeRow }>(INVOKE, {
      input: { modelId: arn, prompt: 'Hello', maxTokens: 10 },
    });
    expect(invoked.body.errors).toBeUndefined();
    expect(invoked.body.data?.invoke.baseModelId).toBe('amazon.titan-text-express-v1');
    const listed = await gateway.gql<{ provisionedThroughputs: { status: string }[] }>(
      `{ provisionedThroughputs { status } }`,
    );
    expect(listed.body.data?.provisionedThroughputs[0]?.status).toBe('InService');
  });

  it('refuses zero model units', async () => {
    const { body } = await gateway.gql(
      `mutation { createProvisionedThroughput(input: { provisionedModelName: "pt-0", modelId: "amazon.titan-text-express-v1", modelUnits: 0 }) { status } }`,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.modelUnits' });
  });

  it('creates a batch job', async () => {
    const { body } = await gateway.gql<{
      createBatchJob: { jobName: string; status: string; inputS3Uri: string };
    }>(
      `mutation { createBatchJob(input: { jobName: "batch-1", modelId: "amazon.nova-lite-v1:0", roleArn: "arn:aws:iam::123456789012:role/Batch",
        inputS3Uri: "s3://quarry-in/", outputS3Uri: "s3://quarry-out/" }) { jobName status inputS3Uri } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.createBatchJob).toMatchObject({ jobName: 'batch-1', inputS3Uri: 's3://quarry-in/' });
  });
});
