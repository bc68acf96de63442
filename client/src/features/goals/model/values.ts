import { MAX_GOAL_VALUES, uniqueValues } from '@twofold/shared';

/** "honesty, Adventure ,family" → the tags, folded and limited as the contract stores them. */
export function parseValues(text: string): string[] {
  return uniqueValues(text.split(',').map((value) => value.slice(0, 40))).slice(0, MAX_GOAL_VALUES);
}
