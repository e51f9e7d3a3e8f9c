/** How long one turn of the event loop may spend on a long task before letting others run. */
const TURN_MS = 10;

/**
 * Runs `step` again and again, a few milliseconds' worth per turn of the event loop, until it
 * returns true; each step must be short. Resolves then, or rejects with what a step threw.
 */
export function inTurns(step: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const turn = () => {
      const until = performance.now() + TURN_MS;
      try {
        do {
          if (step()) return resolve();
        } while (performance.now() < until);
      } catch (err) {
        return reject(err);
      }
      setImmediate(turn);
    };
    setImmediate(turn);
  });
}
