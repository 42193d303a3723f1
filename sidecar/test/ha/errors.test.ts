import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/ha/errors.js';

describe('describeError', () => {
  it('reads HA’s {code, message} errors, Errors, and connection codes', () => {
    expect(
      describeError({ code: 'not_found', message: 'Service fault_lab.explode not found' }),
    ).toBe('Service fault_lab.explode not found (not_found)');
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError(3)).toBe('connection error 3');
    expect(describeError('plain')).toBe('plain');
  });
});
