import { describe, expect, it } from 'vitest';
import { MODEL_DATA } from '../catalog/model-data.js';
import { FAMILY_KIND, MODEL_FAMILIES } from '../catalog/model-family.js';
import { defaultCodecRegistry } from './codec-registry.js';

describe('codec registry', () => {
  it('has a codec of the right kind for every family', () => {
    const registry = defaultCodecRegistry();
    for (const family of MODEL_FAMILIES) {
      expect(registry.get(family).family).toBe(family);
      expect(registry[FAMILY_KIND[family]](family)).toBe(registry.get(family));
    }
  });

  it('resolves a codec for every catalog model', () => {
    const registry = defaultCodecRegistry();
    for (const model of MODEL_DATA) expect(registry.get(model.family), model.modelId).toBeDefined();
  });

  it('finds chat codecs only for chat families', () => {
    const registry = defaultCodecRegistry();
    expect(registry.chat('anthropic-messages')).toBeDefined();
    expect(registry.chat('titan-embed-v2')).toBeUndefined();
    expect(registry.embed('titan-embed-v2')).toBeDefined();
    expect(registry.image('stability-sd3')).toBeDefined();
  });
});
