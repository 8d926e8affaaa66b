/**
 * `a.map(f)`, made by pushing into a new array.
 *
 * V8's optimising compiler inlines `Array.prototype.map` and makes a holey
 * array where the builtin (in code not yet optimised) makes a packed one,
 * and an empty array has a third shape. Every reader of a mapped array then
 * meets new shapes as the code warms up, is deoptimised ("wrong map") and is
 * compiled again: over a mixed corpus that cost the parser about a tenth of
 * its first pass. An array pushed into keeps one shape in every tier.
 */
export function mapArray<T, U>(a: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < a.length; i++) out.push(f(a[i], i));
  return out;
}
