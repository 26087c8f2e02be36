/** Up to `limit` candidates close to `wanted`, for "did you mean" hints; nearest first. */
export function closest(wanted: string, candidates: readonly string[], limit = 2): string[] {
  const target = wanted.toLowerCase();
  // Nothing typed is like nothing: every candidate "contains" the empty string.
  if (target === '') return [];
  const threshold = Math.max(2, Math.floor(target.length / 3));
  const near: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (contains(lower, target)) near.push({ candidate, distance: 1 });
    // The edit distance is at least the difference in length: a candidate too much longer or
    // shorter is too far without working it out (with thousands of ids, that is most of the time).
    else if (Math.abs(lower.length - target.length) <= threshold) {
      const distance = editDistance(target, lower);
      if (distance <= threshold) near.push({ candidate, distance });
    }
  }
  return near
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/**
 * One holds the other: "bridge" in "single-leg-bridges", "strength" in "strength today". A short
 * candidate inside a long word ("a" in "clamshells") is chance, not a likeness; so is one letter
 * typed, inside a long candidate ("s" in "flareRise"), unless the candidate starts with it.
 */
export function contains(candidate: string, typed: string): boolean {
  const typedInside = typed.length >= 2 ? candidate.includes(typed) : candidate.startsWith(typed);
  return typedInside || (typed.includes(candidate) && candidate.length >= Math.max(3, typed.length / 3));
}

/** Edits from `a` to `b`: a letter added, dropped or changed, or two letters side by side swapped ("vidoe"). */
function editDistance(a: string, b: string): number {
  let before = Array.from({ length: b.length + 1 }, (_, i) => i);
  let previous = before;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, before[j - 2]! + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether `typed` names the drill or routine of `name` and `id` in other words than its id: its
 * name as lists show it, or the words of either, whatever the case, spaces, commas and hyphens.
 */
export function namedAs(typed: string, name: string, id: string): boolean {
  const words = (text: string) => text.toLowerCase().split(/[\s,-]+/).filter(Boolean).join(' ');
  return words(typed) !== '' && (words(name) === words(typed) || words(id) === words(typed));
}

/**
 * Whether every word of `typed` is a word of `name`, or near one in its ending ("stretches" for
 * "Mobility and stretching", "glutes" for "Hip and glute strength"): what a routine is known by
 * to someone who has read its name but not its id.
 */
export function partOfName(typed: string, name: string): boolean {
  const split = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const nameWords = split(name);
  const typedWords = split(typed);
  const alike = (a: string, b: string) => {
    let same = 0;
    while (same < a.length && same < b.length && a[same] === b[same]) same++;
    // One the start of the other (glute, glutes), or a shared stem of five letters or more.
    return (same === Math.min(a.length, b.length) && same >= 3) || same >= 5;
  };
  return typedWords.length > 0 && typedWords.every((word) => nameWords.some((known) => alike(word, known)));
}
