import { ARXIV_CAPTURES } from "../support/arxiv-captures";
import { POSTGRES_SERVER } from "../support/databases";
import { DEBIAN_PACKAGES } from "../support/debian-packages";
import { checkExternalResources } from "../support/external-resources";

/** Looks once for what the integration tests need from outside (see describeNeeding). */
export default function globalSetup(): Promise<void> {
  return checkExternalResources([POSTGRES_SERVER, ARXIV_CAPTURES, ...DEBIAN_PACKAGES]);
}
