import { describe, expect, it } from 'vitest';
import { digestSecret, displayPrefix, generateSecret, isWellFormedSecret } from './key-secret.js';

describe('key secrets', () => {
  it('have the qry_ prefix and a checksum that verifies', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^qry_[0-9A-Za-z]{38}$/);
    expect(isWellFormedSecret(secret)).toBe(true);
    expect(displayPrefix(secret)).toBe(secret.slice(0, 12));
  });

  it('fail the checksum when one character changes', () => {
    const secret = generateSecret();
    const index = 10;
    const changed = secret.slice(0, index) + (secret[index] === 'a' ? 'b' : 'a') + secret.slice(index + 1);
    expect(isWellFormedSecret(changed)).toBe(false);
    expect(isWellFormedSecret(`qry_${'A'.repeat(38)}`)).toBe(false);
  });

  it('are never equal and stored only as a SHA-256 digest', () => {
    const secrets = new Set(Array.from({ length: 1_000 }, generateSecret));
    expect(secrets.size).toBe(1_000);
    const [one] = secrets;
    expect(digestSecret(one ?? '')).toMatch(/^[0-9a-f]{64}$/);
  });
});
