// Debian's chromium through playwright-core, as every browser test here launches it: a fresh profile each time
// (no cache, cookies or storage from an earlier run) and the flags that keep it off the network.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/**
 * What every browser script reads first: the Assay to test (argument or ASSAY_URL), where screenshots go
 * (ASSAY_SCREENSHOTS, created), the Titanic file it uploads, and `check`/`step` that prefix their words with `label`.
 */
export function scriptSetup(label) {
  const here = dirname(fileURLToPath(import.meta.url));
  const shots = resolve(process.env.ASSAY_SCREENSHOTS ?? 'target/e2e-screenshots');
  mkdirSync(shots, { recursive: true });
  return {
    base: (process.argv[2] ?? process.env.ASSAY_URL ?? 'http://localhost:8080').replace(/\/$/, ''),
    shots,
    dataset: resolve(here, '../../examples/datasets/titanic.csv'),
    check(condition, message) {
      if (!condition) {
        throw new Error(`${label}: ${message}`);
      }
    },
    step: (text) => console.log(`${label}: ${text}`),
  };
}

/** @returns {Promise<{context: import('playwright-core').BrowserContext, close: () => Promise<void>}>} */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'assay-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
