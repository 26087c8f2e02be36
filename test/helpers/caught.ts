// The error a call throws (or rejects with), for a test to look into; fails when it throws nothing.
export async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}
