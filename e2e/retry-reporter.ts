import { stripVTControlCharacters } from 'node:util';
import type { Reporter, Suite, TestCase } from '@playwright/test/reporter';

// CI retries a failed test once (playwright.config.ts). A test that passes only on its retry is
// a defect of the test or the app, and the list reporter's one "flaky" count is easy to miss:
// this names each one at the end of the run, so it gets fixed instead of retried for ever.
export default class RetryReporter implements Reporter {
  private root: Suite | undefined;

  onBegin(_config: unknown, suite: Suite) {
    this.root = suite;
  }

  printsToStdio() {
    return true;
  }

  onEnd() {
    const tests = this.root?.allTests() ?? [];
    const flaky = tests.filter((test) => test.outcome() === 'flaky');
    console.log(
      flaky.length === 0
        ? '\nNo test needed a retry.'
        : ['', `Flaky (passed on retry): ${flaky.length}`, ...flaky.map(describe)].join('\n'),
    );
  }
}

function describe(test: TestCase) {
  const failures = test.results
    .filter((result) => result.status !== 'passed' && result.status !== 'skipped')
    .map(
      (result) => stripVTControlCharacters(result.error?.message ?? result.status).split('\n')[0],
    );
  return `  ${test.location.file.replace(/^.*\/e2e\//, 'e2e/')}:${test.location.line} › ${test
    .titlePath()
    .filter(Boolean)
    .slice(2)
    .join(' › ')}\n    first try: ${failures.join('; ')}`;
}
