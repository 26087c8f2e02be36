// When the red-flag questions come before a session.
import type { Screening } from './records.js';

/**
 * Whether the next session asks the red-flag questions: none answered yet, or the latest screen
 * did not go on (a yes not gone on with, or stopped part way). On one computer no screen follows
 * one that went on, so this is "until one goes on". With two, an import can bring a screen from
 * the other that did not go on, dated after this one's that did: the person was told there that
 * the questions come again, and they do here too. The store keeps its screens in the order they
 * were made, an import in time order.
 */
export function screenDue(screenings: readonly Screening[]): boolean {
  return !(screenings.at(-1)?.proceeded ?? false);
}
