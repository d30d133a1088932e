import type { ModelFamily } from '@quarry/core/catalog';

/** One InvokeModel example per family: a model, a region it runs in and a minimal native body. */
export interface FamilyCase {
  readonly family: ModelFamily;
  readonly modelId: string;
  readonly region: string;
  readonly body: Record<string, unknown>;
  readonly kind: 'chat' | 'embed' | 'image';
  /** Chat families: the generated text of an InvokeModel body and of decoded stream chunks. */
  readonly textOf?: (body: Record<string, unknown>) => string;
  readonly streamTextOf?: (chunks: readonly Record<string, unknown>[]) => string;
}

type Json = Record<string, unknown>;
const join = (chunks: readonly Json[], pick: (chunk: Json) => unknown): string =>
  chunks
    .map((chunk) => pick(chunk))
    .filter((text): text is string => typeof text === 'string')
    .join('');
const at = (value: unknown, ...path: (string | number)[]): unknown => {
  let current = value;
  for (const key of path) current = (current as Record<string | number, unknown> | undefined)?.[key];
  return current;
};

export const FAMILY_CASES: readonly FamilyCase[] = [
  {
    family: 'anthropic-messages',
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    region: 'us-east-1',
    kind: 'chat',
    body: {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 512,
      system: 'Be terse.',
      messages: [{ role: 'user', content: 'Hello Claude' }],
    },
    textOf: (body) => String(at(body, 'content', 0, 'text')),
    streamTextOf: (chunks) =>
      join(chunks, (chunk) =>
        chunk['type'] === 'content_block_delta' ? at(chunk, 'delta', 'text') : undefined,
      ),
  },
  {
    family: 'titan-text',
    modelId: 'amazon.titan-text-express-v1',
    region: 'us-east-1',
    kind: 'chat',
    body: { inputText: 'User: Tell me a joke\nBot:', textGenerationConfig: { maxTokenCount: 512 } },
    textOf: (body) => String(at(body, 'results', 0, 'outputText')),
    streamTextOf: (chunks) => join(chunks, (chunk) => chunk['outputText']),
  },
  {
    family: 'titan-embed-v1',
    modelId: 'amazon.titan-embed-text-v1',
    region: 'us-east-1',
    kind: 'embed',
    body: { inputText: 'hello world' },
  },
  {
    family: 'titan-embed-v2',
    modelId: 'amazon.titan-embed-text-v2:0',
    region: 'us-east-1',
    kind: 'embed',
    body: { inputText: 'hello world', dimensions: 256 },
  },
  {
    family: 'titan-embed-image',
    modelId: 'amazon.titan-embed-image-v1',
    region: 'us-east-1',
    kind: 'embed',
    body: { inputText: 'a red bicycle', embeddingConfig: { outputEmbeddingLength: 384 } },
  },
  {
    family: 'titan-image',
    modelId: 'amazon.titan-image-generator-v2:0',
    region: 'us-east-1',
    kind: 'image',
    body: {
      taskType: 'TEXT_IMAGE',
      textToImageParams: { text: 'a lighthouse at dusk' },
      imageGenerationConfig: { numberOfImages: 2, width: 384, height: 576 },
    },
  },
  {
    family: 'nova',
    modelId: 'amazon.nova-micro-v1:0',
    region: 'us-east-1',
    kind: 'chat',
    body: {
      schemaVersion: 'messages-v1',
      system: [{ text: 'Be concise.' }],
      messages: [{ role: 'user', content: [{ text: 'Hi Nova' }] }],
    },
    textOf: (body) => String(at(body, 'output', 'message', 'content', 0, 'text')),
    streamTextOf: (chunks) => join(chunks, (chunk) => at(chunk, 'contentBlockDelta', 'delta', 'text')),
  },
  {
    family: 'llama2',
    modelId: 'meta.llama2-13b-chat-v1',
    region: 'us-east-1',
    kind: 'chat',
    body: { prompt: '<s>[INST] Hi [/INST]', max_gen_len: 256 },
    textOf: (body) => String(body['generation']),
    streamTextOf: (chunks) => join(chunks, (chunk) => chunk['generation']),
  },
  {
    family: 'llama3',
    modelId: 'meta.llama3-8b-instruct-v1:0',
    region: 'us-east-1',
    kind: 'chat',
    body: {
      prompt:
        '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n',
      max_gen_len: 512,
    },
    textOf: (body) => String(body['generation']),
    streamTextOf: (chunks) => join(chunks, (chunk) => chunk['generation']),
  },
  {
    family: 'mistral-text',
    modelId: 'mistral.mistral-7b-instruct-v0:2',
    region: 'us-east-1',
    kind: 'chat',
    body: { prompt: '<s>[INST] What is your favourite condiment? [/INST]', max_tokens: 400 },
    textOf: (body) => String(at(body, 'outputs', 0, 'text')),
    streamTextOf: (chunks) => join(chunks, (chunk) => at(chunk, 'outputs', 0, 'text')),
  },
  {
    family: 'mistral-chat',
    modelId: 'mistral.mistral-large-2407-v1:0',
    region: 'us-west-2',
    kind: 'chat',
    body: {
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi Mistral' },
      ],
      max_tokens: 512,
    },
    textOf: (body) => String(at(body, 'choices', 0, 'message', 'content')),
    streamTextOf: (chunks) => join(chunks, (chunk) => at(chunk, 'choices', 0, 'delta', 'content')),
  },
  {
    family: 'cohere-command-r',
    modelId: 'cohere.command-r-v1:0',
    region: 'us-east-1',
    kind: 'chat',
    body: {
      message: 'What is Bedrock?',
      chat_history: [
        { role: 'USER', message: 'Hi' },
        { role: 'CHATBOT', message: 'Hello' },
      ],
      max_tokens: 512,
    },
    textOf: (body) => String(body['text']),
    streamTextOf: (chunks) =>
      join(chunks, (chunk) => (chunk['event_type'] === 'text-generation' ? chunk['text'] : undefined)),
  },
  {
    family: 'cohere-embed',
    modelId: 'cohere.embed-english-v3',
    region: 'us-east-1',
    kind: 'embed',
    body: { texts: ['hello', 'world'], input_type: 'search_document' },
  },
  {
    family: 'ai21-jamba',
    modelId: 'ai21.jamba-1-5-mini-v1:0',
    region: 'us-east-1',
    kind: 'chat',
    body: { messages: [{ role: 'user', content: 'Hi Jamba' }], max_tokens: 512 },
    textOf: (body) => String(at(body, 'choices', 0, 'message', 'content')),
    streamTextOf: (chunks) => join(chunks, (chunk) => at(chunk, 'choices', 0, 'delta', 'content')),
  },
  {
    family: 'stability-sdxl',
    modelId: 'stability.stable-diffusion-xl-v1',
    region: 'us-east-1',
    kind: 'image',
    body: { text_prompts: [{ text: 'a lighthouse' }], width: 1536, height: 640, seed: 7 },
  },
  {
    family: 'stability-sd3',
    modelId: 'stability.sd3-5-large-v1:0',
    region: 'us-west-2',
    kind: 'image',
    body: { prompt: 'a lighthouse', aspect_ratio: '21:9', seed: 3 },
  },
];
