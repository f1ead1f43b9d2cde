import { describe, expect, it } from '@jest/globals';
import { HashSlots } from './hash-slots';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('HashSlots', () => {
  it('runs at most `size` jobs at once, in arrival order, and frees the slot of a failed job', async () => {
    const slots = new HashSlots(2);
    const started: number[] = [];
    const release: Array<() => void> = [];
    const job = (n: number) =>
      slots.run(async () => {
        started.push(n);
        await new Promise<void>((resolve) => release.push(resolve));
        if (n === 1) throw new Error('boom');
        return n;
      });
    const jobs = [1, 2, 3, 4].map((n) =>
      job(n).then(
        () => 'done',
        () => 'failed',
      ),
    );
    await settle();
    expect(started).toEqual([1, 2]);
    release.shift()!();
    await settle();
    expect(started).toEqual([1, 2, 3]);
    release.shift()!();
    await settle();
    expect(started).toEqual([1, 2, 3, 4]);
    release.splice(0).forEach((open) => open());
    await expect(Promise.all(jobs)).resolves.toEqual(['failed', 'done', 'done', 'done']);
  });
});
