/**
 * Every native body format Quarry can encode and decode. A family is a wire format, not a vendor:
 * Nova Canvas speaks `titan-image`, Llama 3.x and 4 share `llama3`, and Mistral has two formats.
 */
export const MODEL_FAMILIES = [
  'anthropic-messages',
  'titan-text',
  'titan-embed-v1',
  'titan-embed-v2',
  'titan-embed-image',
  'titan-image',
  'nova',
  'llama2',
  'llama3',
  'mistral-text',
  'mistral-chat',
  'cohere-command-r',
  'cohere-embed',
  'ai21-jamba',
  'stability-sdxl',
  'stability-sd3',
] as const;

export type ModelFamily = (typeof MODEL_FAMILIES)[number];

/** What a family produces, which decides the codec shape (chat, embed or image). */
export type FamilyKind = 'chat' | 'embed' | 'image';

export const FAMILY_KIND = {
  'anthropic-messages': 'chat',
  'titan-text': 'chat',
  'titan-embed-v1': 'embed',
  'titan-embed-v2': 'embed',
  'titan-embed-image': 'embed',
  'titan-image': 'image',
  nova: 'chat',
  llama2: 'chat',
  llama3: 'chat',
  'mistral-text': 'chat',
  'mistral-chat': 'chat',
  'cohere-command-r': 'chat',
  'cohere-embed': 'embed',
  'ai21-jamba': 'chat',
  'stability-sdxl': 'image',
  'stability-sd3': 'image',
} as const satisfies Record<ModelFamily, FamilyKind>;
