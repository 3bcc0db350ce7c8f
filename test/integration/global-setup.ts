import { postgresAnswers, TEST_POSTGRES_URL } from "../support/databases";

/** Decides once whether the PostgreSQL runs can happen, and says so when they cannot. */
export default async function globalSetup(): Promise<void> {
  const available = await postgresAnswers();
  process.env.TEST_POSTGRES_AVAILABLE = available ? "1" : "0";
  if (!available) {
    console.warn(
      `\nNOTICE: no PostgreSQL answers at ${TEST_POSTGRES_URL}; the PostgreSQL runs are left out.\n`,
    );
  }
}
