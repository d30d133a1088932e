import type { CatalogModel } from './use-models';

interface Props {
  readonly value: string;
  readonly models: readonly CatalogModel[];
  readonly onChange: (modelId: string) => void;
}

/**
 * The labelled model picker every view shares. A model that is not (or not yet) in the list, such
 * as a conversation's model while the catalog loads, stays selectable under its ID.
 */
export function ModelSelect({ value, models, onChange }: Props) {
  return (
    <label>
      Model
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {!models.some((m) => m.modelId === value) && <option value={value}>{value}</option>}
        {models.map((m) => (
          <option key={m.modelId} value={m.modelId}>
            {m.modelName} ({m.providerName})
          </option>
        ))}
      </select>
    </label>
  );
}
