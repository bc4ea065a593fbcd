/**
 * Binary search over anything sorted: the one loop behind every "first
 * item after this line" and "last line start at or before this offset".
 */

/**
 * The number of leading indices of [0, length) for which `before` holds:
 * the index of the first one where it does not. `before` must hold on a
 * prefix and fail on the rest (a sorted list: `i => starts[i] <= offset`).
 * O(log length) calls.
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
