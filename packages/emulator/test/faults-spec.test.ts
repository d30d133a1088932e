import { describe, expect, it } from 'vitest';

import { FaultSyntaxError, parseFaultHeader } from '../src/faults/fault-spec.js';

describe('parseFaultHeader', () => {
  it('reads a kind and its parameters', () => {
    expect(parseFaultHeader('throttle;count=2;retry-after-ms=50')).toEqual({
      kind: 'throttle',
      count: 2,
      retryAfterMs: 50,
    });
    expect(parseFaultHeader(' stream-error ; after=3 ; exception=THROTTLINGEXCEPTION ; key=a ')).toEqual({
      kind: 'stream-error',
      after: 3,
      exception: 'throttlingException',
    });
    expect(parseFaultHeader('throttle;retry-after=1.5;scope=call;message=hold%20on')).toEqual({
      kind: 'throttle',
      retryAfterMs: 1500,
      scope: 'call',
      message: 'hold on',
    });
  });

  it('rejects unknown kinds, parameters and bad numbers with a precise message', () => {
    for (const [header, message] of [
      ['melt', 'unknown fault kind "melt"'],
      ['throttle;colour=red', 'unknown fault parameter "colour"'],
      ['throttle;count=-1', 'count must be a non-negative number'],
      ['stall;after=1.5', 'after must be an integer'],
      ['stream-error;exception=boom', 'unknown stream exception "boom"'],
      ['drop;scope=everyone', 'scope must be "header" or "call"'],
    ] as const) {
      expect(() => parseFaultHeader(header)).toThrow(FaultSyntaxError);
      expect(() => parseFaultHeader(header)).toThrow(message);
    }
  });
});
