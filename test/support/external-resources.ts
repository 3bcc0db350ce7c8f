/**
 * What some tests need from outside the repository (a PostgreSQL server, the shared arXiv
 * captures). Jest's global setup looks for each once, before any test file is loaded, since a
 * describe block cannot wait for a connection; the test files read the answer it leaves in the
 * environment. A missing resource fails the tests that need it in CI, where its absence is a
 * broken set-up; elsewhere (a fresh clone) they are skipped, and the run says so. The Debian
 * packages the README asks for are the exception: without them the tests that need them fail
 * everywhere, with the line that says what to install.
 */
export interface ExternalResource {
  /** Names the environment flag the global setup sets: TEST_HAS_<key>. */
  key: string;
  /** What a test finds missing, e.g. "no PostgreSQL answers at postgresql://…". */
  missing: string;
  /** How to provide it, e.g. "start one there or set TEST_POSTGRES_URL". */
  remedy: string;
  /** A Debian package the README's test command needs: missing, it fails outside CI too. */
  requiredEverywhere?: boolean;
  isPresent(): Promise<boolean>;
}

const flag = (resource: ExternalResource) => `TEST_HAS_${resource.key}`;

/** CI=true: a missing resource is an error, not a reason to skip. */
function inCi(): boolean {
  return process.env.CI === "true";
}

function failsWhenMissing(resource: ExternalResource): boolean {
  return inCi() || resource.requiredEverywhere === true;
}

/** The one line that says what is missing and how to provide it. */
function missingLine(resource: ExternalResource): string {
  return `${resource.missing}: ${resource.remedy}`;
}

/** For a global setup: looks for each resource, records the answer, says once what is missing. */
export async function checkExternalResources(
  resources: readonly ExternalResource[],
): Promise<void> {
  for (const resource of resources) {
    const present = await resource.isPresent();
    process.env[flag(resource)] = present ? "1" : "0";
    if (present) continue;
    const consequence = failsWhenMissing(resource)
      ? "the tests that need it FAIL"
      : "skipping the tests that need it";
    console.warn(
      `\nNOTICE: ${resource.missing}; ${consequence}. To run them: ${resource.remedy}.\n`,
    );
  }
}

function isPresent(resource: ExternalResource): boolean {
  const answer = process.env[flag(resource)];
  if (answer === undefined) {
    throw new Error(
      `${flag(resource)} is unset: run the tests through jest.config.js, whose global setup sets it`,
    );
  }
  return answer === "1";
}

/** An error that prints as its one line, without a stack that would only point here. */
function oneLineError(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

/**
 * `describe(title, suite)` for a suite that needs `resources`. When one is missing the suite is
 * not even collected (it may read the resource as it is declared): in its place stands one test
 * that fails with the missing line under CI=true (or for a required Debian package), and is
 * skipped elsewhere.
 */
export function describeNeeding(
  resources: readonly ExternalResource[],
  title: string,
  suite: () => void,
): void {
  const missing = resources.filter((resource) => !isPresent(resource));
  if (missing.length === 0) {
    describe(title, suite);
    return;
  }
  const whatIsMissing = missing.map((resource) => resource.missing).join("; ");
  if (missing.some(failsWhenMissing)) {
    describe(title, () =>
      test(whatIsMissing, () => {
        throw oneLineError(missing.map(missingLine).join("; "));
      }),
    );
  } else {
    describe.skip(title, () => test(whatIsMissing, () => undefined));
  }
}
