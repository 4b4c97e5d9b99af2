/**
 * How long a test waits for something the app does after answering (the
 * assistant's turn, the desk's update) before calling it stuck: far more than
 * it takes, so a loaded machine slows the test down instead of failing it.
 */
export const UNTIL_DEADLINE_MS = 60_000;

/** Reads `read()` every 25 ms until `done` holds on its value, and returns that value; fails after the deadline naming `what`. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + UNTIL_DEADLINE_MS;
  while (Date.now() < deadline) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}
