import { useEffect, useState } from 'react';
import { onApiKeyChange, readApiKey, writeApiKey } from '../api/api-key';

/**
 * The API key every request sends as `Authorization: Bearer …`. Kept in session storage (this tab
 * only, gone when it closes), never in the URL.
 */
export function KeyField() {
  const [saved, setSaved] = useState(readApiKey);
  const [draft, setDraft] = useState('');
  useEffect(() => onApiKeyChange(setSaved), []);
  if (saved !== undefined) {
    return (
      <div className="key-field">
        {/* Never any of the secret on screen: the Key & usage view names the key via `me`. */}
        <span className="muted" data-testid="key-state">
          API key in use
        </span>
        <button type="button" onClick={() => writeApiKey(undefined)}>
          Forget key
        </button>
      </div>
    );
  }
  return (
    <form
      className="key-field"
      onSubmit={(event) => {
        event.preventDefault();
        writeApiKey(draft);
        setDraft('');
      }}
    >
      <label>
        API key
        <input
          type="password"
          autoComplete="off"
          placeholder="qry_… or the admin key"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </label>
      <button type="submit" disabled={draft.trim() === ''}>
        Use key
      </button>
    </form>
  );
}
