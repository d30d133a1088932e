import { createHash, randomBytes } from 'node:crypto';

/**
 * API key secrets look like `qry_<32 base62 random><6 base62 checksum>`: a fixed prefix so secret
 * scanners (GitHub push protection, trufflehog) can match them, and a checksum over the random
 * part so a scanner can tell a real key from a look-alike without asking the gateway.
 */
const SECRET_PREFIX = 'qry_';
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_PATTERN = new RegExp(`^${SECRET_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);
/** How much of a secret the gateway shows again after creation (ApiKey.prefix): enough to recognise it. */
const DISPLAY_LENGTH = SECRET_PREFIX.length + 8;

/** A fresh secret; 32 base62 characters carry ~190 bits, far beyond guessing. */
export function generateSecret(): string {
  const random = toBase62(randomBytes(48), RANDOM_LENGTH);
  return `${SECRET_PREFIX}${random}${checksumOf(random)}`;
}

/** True when `secret` has the shape and a matching checksum (cheap; no lookup). */
export function isWellFormedSecret(secret: string): boolean {
  if (!SECRET_PATTERN.test(secret)) return false;
  const random = secret.slice(SECRET_PREFIX.length, SECRET_PREFIX.length + RANDOM_LENGTH);
  return secret.endsWith(checksumOf(random));
}

/**
 * What the store keeps instead of the secret. A plain SHA-256 is enough: the secret is 190 random
 * bits, so there is nothing to brute-force and no need for a slow password hash on every request.
 */
export function digestSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The part of a secret shown in listings (`qry_AbCd1234`). */
export function displayPrefix(secret: string): string {
  return secret.slice(0, DISPLAY_LENGTH);
}

function checksumOf(random: string): string {
  return toBase62(createHash('sha256').update(random).digest(), CHECKSUM_LENGTH);
}

/** Base62 digits from bytes. `byte % 62` favours 8 digits slightly (< 0.05 bit lost per character). */
function toBase62(bytes: Buffer, length: number): string {
  let out = '';
  for (let index = 0; out.length < length; index++) {
    const byte = bytes[index % bytes.length] ?? 0;
    out += ALPHABET[byte % 62] ?? '0';
  }
  return out;
}
