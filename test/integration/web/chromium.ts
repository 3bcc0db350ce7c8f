import { chromium, type Browser } from "playwright-core";
import { CHROMIUM } from "../../support/debian-packages";

/**
 * Chromium headless and quiet: nothing it does on its own reaches the network. Playwright gives
 * every launch a fresh temporary profile (and refuses a --user-data-dir of ours).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
