/**
 * Test ids: the manifest declares them, and each suite test's name starts with its id in brackets.
 * Kept apart from the manifest's schema so that the suites' harness reads them without loading zod
 * into every suite file.
 */

/** The characters of a test id, e.g. `ex01.build`. */
export const TEST_ID = /^[A-Za-z0-9_.-]+$/;

/** The test id a suite's test name carries: `[ex01.t1] adds two numbers` -> `ex01.t1`. */
export function testIdFromName(name: string): string | null {
  const m = /^\s*\[([A-Za-z0-9_.-]+)\]/.exec(name);
  return m ? m[1] : null;
}
