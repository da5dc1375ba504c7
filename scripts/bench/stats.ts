export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Runs `fn` `times` times after a short warm-up; returns milliseconds per run. */
export function timeEach(times: number, fn: (run: number) => void): number[] {
  for (let run = 0; run < Math.min(10, times); run++) fn(run);
  const samples: number[] = [];
  for (let run = 0; run < times; run++) {
    const start = performance.now();
    fn(run);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** timeEach for the channel handlers, which answer through a promise as the app calls them. */
export async function timeEachAsync(times: number, fn: (run: number) => Promise<unknown>): Promise<number[]> {
  for (let run = 0; run < Math.min(10, times); run++) await fn(run);
  const samples: number[] = [];
  for (let run = 0; run < times; run++) {
    const start = performance.now();
    await fn(run);
    samples.push(performance.now() - start);
  }
  return samples;
}
