import type { CatalogModel } from './use-models';

export interface GenerationSettings {
  /** As typed: '' means the family's default. */
  readonly maxTokens: string;
  readonly temperature: string;
}

export interface SettingsProblems {
  readonly maxTokens?: string;
  readonly temperature?: string;
}

/**
 * The checks the gateway makes before any upstream call (core's validate-chat-request), with the
 * same messages, so the form refuses what the gateway would refuse and says it the same way.
 */
export function checkSettings(
  model: CatalogModel | undefined,
  settings: GenerationSettings,
): SettingsProblems {
  if (model === undefined) return {};
  const problems: { maxTokens?: string; temperature?: string } = {};
  if (settings.maxTokens.trim() !== '') {
    const maxTokens = Number(settings.maxTokens);
    const limit = model.maxOutputTokens;
    if (!Number.isInteger(maxTokens) || maxTokens < 1) {
      problems.maxTokens = `maxTokens must be a positive integer, got ${settings.maxTokens.trim()}.`;
    } else if (limit !== null && maxTokens > limit) {
      problems.maxTokens = `maxTokens ${maxTokens} exceeds ${model.modelId}'s limit of ${limit} output tokens; set maxTokens to ${limit} or less.`;
    }
  }
  if (settings.temperature.trim() !== '') {
    const temperature = Number(settings.temperature);
    const max = maxTemperature(model);
    if (!Number.isFinite(temperature) || temperature < 0 || temperature > max) {
      problems.temperature = `temperature must be between 0 and ${max} for ${model.modelId}, got ${settings.temperature.trim()}.`;
    }
  }
  return problems;
}

/** AI21 Jamba samples up to 2; every other family up to 1. */
export function maxTemperature(model: CatalogModel): number {
  return model.family === 'ai21-jamba' ? 2 : 1;
}

export function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}
