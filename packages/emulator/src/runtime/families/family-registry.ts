import type { FAMILY_KIND, ModelFamily } from '@quarry/core/catalog';

import { ai21JambaFamily } from './ai21-jamba-family.js';
import { anthropicMessagesFamily } from './anthropic-messages-family.js';
import { cohereCommandRFamily } from './cohere-command-r-family.js';
import { cohereEmbedFamily } from './cohere-embed-family.js';
import type { ChatFamily, EmbedFamily, ImageFamily } from './family.js';
import { llamaFamily } from './llama-family.js';
import { mistralChatFamily } from './mistral-chat-family.js';
import { mistralTextFamily } from './mistral-text-family.js';
import { novaFamily } from './nova-family.js';
import { stabilitySd3Family, stabilitySdxlFamily } from './stability-families.js';
import { titanEmbedImageFamily, titanEmbedV1Family, titanEmbedV2Family } from './titan-embed-families.js';
import { titanImageFamily } from './titan-image-family.js';
import { titanTextFamily } from './titan-text-family.js';

interface FamilyOfKind {
  readonly chat: ChatFamily;
  readonly embed: EmbedFamily;
  readonly image: ImageFamily;
}

/**
 * The native wire format of every catalog family; exhaustive so a new family fails typecheck here,
 * and each entry's kind must be the one core's FAMILY_KIND gives its family.
 */
export const FAMILIES = {
  'anthropic-messages': anthropicMessagesFamily,
  'titan-text': titanTextFamily,
  'titan-embed-v1': titanEmbedV1Family,
  'titan-embed-v2': titanEmbedV2Family,
  'titan-embed-image': titanEmbedImageFamily,
  'titan-image': titanImageFamily,
  nova: novaFamily,
  llama2: llamaFamily,
  llama3: llamaFamily,
  'mistral-text': mistralTextFamily,
  'mistral-chat': mistralChatFamily,
  'cohere-command-r': cohereCommandRFamily,
  'cohere-embed': cohereEmbedFamily,
  'ai21-jamba': ai21JambaFamily,
  'stability-sdxl': stabilitySdxlFamily,
  'stability-sd3': stabilitySd3Family,
} as const satisfies { readonly [F in ModelFamily]: FamilyOfKind[(typeof FAMILY_KIND)[F]] };
