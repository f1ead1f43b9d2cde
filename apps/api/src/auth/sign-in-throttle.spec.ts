import { describe, expect, it } from '@jest/globals';
import { SignInThrottle } from './sign-in-throttle';

describe('SignInThrottle', () => {
  it('allows the configured attempts per minute per address, then refuses until the window ends', () => {
    let now = 1_000_000;
    const throttle = new SignInThrottle(3, () => now);
    expect([1, 2, 3].map(() => throttle.take('10.0.0.1'))).toEqual([true, true, true]);
    expect(throttle.take('10.0.0.1')).toBe(false);
    expect(throttle.take('10.0.0.2')).toBe(true);
    now += 60_000;
    expect(throttle.take('10.0.0.1')).toBe(true);
  });
});
