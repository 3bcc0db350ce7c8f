import { ARXIV_CAPTURES } from "../support/arxiv-captures";
import { checkExternalResources } from "../support/external-resources";

/** Looks once for what the unit tests read from outside the repository (see describeNeeding). */
export default function globalSetup(): Promise<void> {
  return checkExternalResources([ARXIV_CAPTURES]);
}
