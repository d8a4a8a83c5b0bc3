import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestInfo } from '@playwright/test';

// A test that holds the app to a time budget (input to paint, a page change, a message within
// 2 s) measures the machine as much as the app when the other worker's test shares its 2 cores.
// Such a test is tagged '@timing' and runs alone: it waits until the other worker's test is done,
// and that worker's next test waits until it is. Files in the run's output directory (emptied at
// the start of every run) are the lock: each running test writes busy-<worker>, a timing test
// makes the directory `alone` (mkdir is atomic). A test writes its busy file before it looks for
// `alone`, and a timing test makes `alone` before it looks for busy files, so one of the two
// always sees the other.
const TIMING = '@timing';

const POLL_MS = 100;
const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_MS));

/** Takes the machine for `testInfo`'s test (alone if it is tagged TIMING); returns the release. */
export async function takeMachine(testInfo: TestInfo): Promise<() => Promise<void>> {
  const dir = join(testInfo.project.outputDir, '.machine');
  const alone = join(dir, 'alone');
  const busy = join(dir, `busy-${testInfo.parallelIndex}`);
  await mkdir(dir, { recursive: true });

  if (testInfo.tags.includes(TIMING)) {
    while (
      !(await mkdir(alone).then(
        () => true,
        () => false,
      ))
    ) {
      await pause();
    }
    while ((await readdir(dir)).some((name) => name.startsWith('busy-'))) await pause();
    return () => rm(alone, { recursive: true, force: true });
  }

  for (;;) {
    await writeFile(busy, '');
    if (!(await readdir(dir)).includes('alone')) break;
    await rm(busy, { force: true });
    await pause();
  }
  return () => rm(busy, { force: true });
}
