// chromium.mjs — Debian's Chromium (/usr/bin/chromium, installed by scripts/install-deps.sh
// --browser), headless, driven by playwright-core (which never downloads a browser).
//
//   const browser = await launchChromium();   // a fresh profile in a temporary folder
//   const page = await browser.newPage();  ...  await browser.close();
//
// Background networking, component updates, sync and QUIC are off, so the browser talks
// to nothing but the loopback servers the tests start.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.VITRINE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launchChromium() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-deps.sh --browser`);
  // playwright passes the fresh profile to Chromium as --user-data-dir.
  const profile = mkdtempSync(join(tmpdir(), 'vitrine-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1360, height: 900 },
  });
  return {
    newPage: () => context.newPage(),
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
