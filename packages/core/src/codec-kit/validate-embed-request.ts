import type { CatalogModel } from '../catalog/catalog-model.js';
import { ValidationError } from '../errors/quarry-error.js';
import type { EmbeddingType, EmbedRequest } from './chat-types.js';

/** What one embedding family's body can carry; each codec passes its own. */
export interface EmbedRules {
  /**
   * Most texts the family's body holds (Titan: 1, one `inputText`; Cohere: 96).
   * A lower `maxEmbedBatch` in the catalog wins.
   */
  readonly maxTexts: number;
  /** Longest text in characters, when the family documents one. */
  readonly maxTextLength?: number;
  /** Vector formats the family returns. */
  readonly embeddingTypes: readonly EmbeddingType[];
  /** Whether the family embeds an `image` (Titan Multimodal Embeddings). @default false */
  readonly acceptsImage?: boolean;
}

const INPUT_TYPES = ['search_document', 'search_query', 'classification', 'clustering'] as const;
const TRUNCATE_MODES = ['none', 'start', 'end'] as const;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The checks every embedding family shares, for one InvokeModel body. Throws ValidationError whose
 * message names the field, the limit and the fix. The client splits long text lists into batches of
 * `maxEmbedBatch` before calling this, so it runs once per body.
 */
export function validateEmbedRequest(model: CatalogModel, request: EmbedRequest, rules: EmbedRules): void {
  const { modelId } = model;
  const hasImage = request.image !== undefined;
  if (hasImage && rules.acceptsImage !== true) {
    throw new ValidationError(
      'image',
      `${modelId} embeds text only; remove image, or use a multimodal embedding model such as amazon.titan-embed-image-v1.`,
    );
  }
  checkTexts(model, request.texts, rules, hasImage);
  if (request.image !== undefined) checkImage(request.image);
  if (request.dimensions !== undefined) checkDimensions(model, request.dimensions);
  // Runtime checks on typed fields: callers in plain JavaScript (or a loose resolver) can still send anything.
  const normalize: unknown = request.normalize;
  if (normalize !== undefined && typeof normalize !== 'boolean') {
    throw new ValidationError(
      'normalize',
      `normalize must be true or false, got ${JSON.stringify(normalize)}.`,
    );
  }
  if (request.inputType !== undefined && !INPUT_TYPES.includes(request.inputType)) {
    throw new ValidationError(
      'inputType',
      `inputType must be one of ${INPUT_TYPES.join(', ')}, got ${JSON.stringify(request.inputType)}.`,
    );
  }
  if (request.truncate !== undefined && !TRUNCATE_MODES.includes(request.truncate)) {
    throw new ValidationError(
      'truncate',
      `truncate must be one of ${TRUNCATE_MODES.join(', ')}, got ${JSON.stringify(request.truncate)}.`,
    );
  }
  if (request.embeddingType !== undefined && !rules.embeddingTypes.includes(request.embeddingType)) {
    throw new ValidationError(
      'embeddingType',
      `${modelId} returns ${rules.embeddingTypes.join(' or ')} embeddings, not ${JSON.stringify(request.embeddingType)}; ` +
        `set embeddingType to ${rules.embeddingTypes.map((type) => `'${type}'`).join(' or ')}, or omit it for float.`,
    );
  }
}

function checkTexts(
  model: CatalogModel,
  texts: readonly string[],
  rules: EmbedRules,
  hasImage: boolean,
): void {
  const { modelId } = model;
  if (texts.length === 0 && !hasImage) {
    throw new ValidationError(
      'texts',
      rules.acceptsImage === true
        ? 'texts is empty and there is no image: send a text, an image, or both.'
        : 'texts is empty: send at least one text to embed.',
    );
  }
  const limit = Math.min(model.maxEmbedBatch ?? rules.maxTexts, rules.maxTexts);
  if (texts.length > limit) {
    throw new ValidationError(
      'texts',
      limit === 1
        ? `${modelId} embeds one text per InvokeModel call, got ${texts.length}: send one text per body ` +
            '(the Quarry client fans a longer list out into one call per text).'
        : `${modelId} embeds at most ${limit} texts per InvokeModel call, got ${texts.length}: ` +
            `split the list into batches of ${limit} (the Quarry client does this for you).`,
    );
  }
  texts.forEach((text: unknown, index) => {
    if (typeof text !== 'string' || text === '') {
      throw new ValidationError(
        `texts[${index}]`,
        `texts[${index}] is empty: remove it or give it some text.`,
      );
    }
    if (rules.maxTextLength !== undefined && text.length > rules.maxTextLength) {
      throw new ValidationError(
        `texts[${index}]`,
        `texts[${index}] has ${text.length} characters; ${modelId} accepts at most ${rules.maxTextLength} per text. ` +
          'Shorten it or split it into several texts.',
      );
    }
  });
}

function checkImage(image: string): void {
  if (image === '') {
    throw new ValidationError('image', 'image is empty: send base64 image bytes, or omit image.');
  }
  if (image.startsWith('data:')) {
    throw new ValidationError('image', 'image is a data URL: send only the base64 part after the comma.');
  }
  if (image.length % 4 !== 0 || !BASE64.test(image)) {
    throw new ValidationError('image', 'image is not standard base64 (A-Z, a-z, 0-9, +, / with = padding).');
  }
}

function checkDimensions(model: CatalogModel, dimensions: number): void {
  const allowed = model.embeddingDimensions;
  if (allowed === undefined || allowed.length === 0) {
    throw new ValidationError('dimensions', `${model.modelId} has a fixed output size; remove dimensions.`);
  }
  if (!allowed.includes(dimensions)) {
    throw new ValidationError(
      'dimensions',
      `${model.modelId} returns vectors of ${allowed.join(', ')} dimensions (default ${String(allowed[0])}), ` +
        `not ${dimensions}; set dimensions to one of those or omit it.`,
    );
  }
}
