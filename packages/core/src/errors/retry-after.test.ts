import { describe, expect, it } from 'vitest';
import { parseRetryAfterMs } from './retry-after.js';

describe('parseRetryAfterMs', () => {
  it('reads seconds from retry-after', () => {
    expect(parseRetryAfterMs({ 'retry-after': '3' })).toBe(3000);
    expect(parseRetryAfterMs({ 'retry-after': '0.25' })).toBe(250);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Wed, 25 Nov 2026 10:00:00 GMT');
    expect(parseRetryAfterMs({ 'Retry-After': 'Wed, 25 Nov 2026 10:00:05 GMT' }, () => now)).toBe(5000);
  });

  it('ignores unusable values', () => {
    expect(parseRetryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfterMs({})).toBeUndefined();
    expect(parseRetryAfterMs({ 'x-amz-retry-after': 'NaN' })).toBeUndefined();
  });
});
