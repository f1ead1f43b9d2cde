/** The top of a count axis: left to the chart (undefined) unless every count is zero, where it would draw 0.000000. */
export function axisMax(counts: readonly number[]): number | undefined {
  return counts.some((n) => n > 0) ? undefined : 1;
}
