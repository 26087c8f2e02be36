// A problem found in a library file, and the part of a file's problems that is listed: the first
// SHOWN_PROBLEMS, in the order of the file.

export interface Problem {
  line: number;
  col: number;
  path: string;
  message: string;
}

/**
 * The most problems a check lists. A file with more is far from a library (thousands of drills
 * missing their fields, say): fixing the first ones and checking again serves its writer better
 * than a listing of millions, and the check stops early instead of using gigabytes to find them.
 */
export const SHOWN_PROBLEMS = 50;

/** A problem as found: a message that looks through every id ("did you mean") is worked out only if the problem is listed. */
export type Found = Omit<Problem, 'message'> & { message: string | (() => string) };

/** The first problems in the order of the file, each path short enough to read, and whether there are more. */
export function finishProblems(found: Found[]): { problems: Problem[]; more: boolean } {
  found.sort((a, b) => a.line - b.line || a.col - b.col);
  const problems = found.slice(0, SHOWN_PROBLEMS).map(({ message, ...problem }) => ({
    ...problem,
    // A path hundreds of levels deep (a file nested absurdly) is shown by its start.
    path: problem.path.length > 80 ? `${problem.path.slice(0, 79)}…` : problem.path,
    message: typeof message === 'function' ? message() : message,
  }));
  return { problems, more: found.length > SHOWN_PROBLEMS };
}
