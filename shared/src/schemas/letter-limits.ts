/**
 * How deeply a letter's document may nest, counting every JSON object and array (a paragraph
 * in a list item in a list is six levels). 128 is about sixty nested lists, far past any letter
 * a person writes, and far inside what the server and the browser can serialise and render
 * (both recurse; a body 2,050 deep once broke the Letters page for both partners).
 */
export const MAX_LETTER_DEPTH = 128;

/** How many JSON objects and arrays a letter's document may hold (the 200 KB cap allows more). */
export const MAX_LETTER_NODES = 50_000;

/** A letter may be sealed until at most ten years (3,653 days) from now. */
export const MAX_SEAL_AHEAD_MS = 3653 * 24 * 60 * 60 * 1000;

/**
 * Whether a JSON value nests at most `maxDepth` objects/arrays deep and holds at most
 * `maxNodes` of them. Walks with its own stack, never recursion, so no input can exhaust the
 * call stack while it is being checked.
 */
export function jsonShapeWithin(value: unknown, maxDepth: number, maxNodes: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object') continue;
    nodes++;
    if (depth > maxDepth || nodes > maxNodes) return false;
    const children = Array.isArray(current) ? current : Object.values(current as Record<string, unknown>);
    for (const child of children)
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
  }
  return true;
}

/**
 * Why a seal date cannot be used, in words for the sender, or null if it can: it must be in
 * the future and at most ten years ahead (`opensAt` and `now` in epoch ms).
 */
export function sealDateProblem(opensAt: number, now: number): string | null {
  if (opensAt <= now) return 'Choose a date in the future to seal a letter until.';
  if (opensAt - now > MAX_SEAL_AHEAD_MS)
    return 'Choose a date within the next ten years to seal a letter until.';
  return null;
}
