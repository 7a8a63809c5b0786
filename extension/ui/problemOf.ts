// For the tests of input readers: the InputProblem a call throws, so a test can check its key,
// params and row; anything else thrown, or nothing, fails the test.
import { InputProblem } from './inputProblem.ts';

export function problemOf(run: () => unknown): InputProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof InputProblem) return error;
    throw error;
  }
  throw new Error('expected an InputProblem');
}
