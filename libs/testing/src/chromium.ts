import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (scripts/ensure-chromium.sh installs it); Playwright never downloads one here. */
export const CHROMIUM = process.env.PAXSCREEN_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, no sandbox (root in CI containers), and nothing that reaches the network by itself. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh user-data directory; fails loudly when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: run scripts/ensure-chromium.sh (apt-get install -y chromium) ` +
        'or point PAXSCREEN_CHROMIUM at a Chromium binary. The browser test never downloads a browser.',
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'paxscreen-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1440, height: 1100 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
