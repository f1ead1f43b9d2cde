const WEIGHTS = [1, 2, 1, 2, 1, 2, 4, 1] as const;

/**
 * Unified business number (營利事業統一編號, 財政部): 8 digits weighted 1,2,1,2,1,2,4,1; the two
 * digits of each product are added (7 × 4 = 28 counts 10). Since 2023-04-01 (財政部 expansion of the
 * number space) the sum must be a multiple of 5 instead of 10, which keeps every older number valid.
 * When the 7th digit is 7, its 10 may also count as 1, so `sum + 1` divisible by 5 is valid too.
 */
export function isValidBusinessNumber(v: string): boolean {
  if (!/^\d{8}$/.test(v)) return false;
  const sum = Array.from(v, Number).reduce((acc, digit, i) => {
    const product = digit * WEIGHTS[i];
    return acc + Math.floor(product / 10) + (product % 10);
  }, 0);
  return sum % 5 === 0 || (v[6] === '7' && (sum + 1) % 5 === 0);
}
