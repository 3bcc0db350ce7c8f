import { main } from "../../src/cli/main";

// The CLI from source, for tests that need it as a separate process (to kill it, or run several).
void main();
