// Debian's chromium through playwright-core, as every browser test here launches it: a fresh profile each time
// (no cache, cookies or storage from an earlier run) and the flags that keep it off the network.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core from node_modules, injected into the page: nothing is downloaded while a test runs. */
const AXE = require.resolve('axe-core/axe.min.js');

/**
 * Runs axe-core (WCAG 2 A and AA rules) on the page as it is now and returns the violations that are serious or
 * critical, each as "rule (impact): n nodes, first: selector". Prints the count per impact under `name`.
 */
export async function axeViolations(page, name) {
  // MUI fades colours in over 300 ms (a status chip turning from running to done): judge the settled page.
  await page.waitForTimeout(600);
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Through the DevTools protocol, which the page's Content-Security-Policy (script-src 'self') does not govern,
    // so the policy under test stays as strict as in production.
    await page.evaluate(readFileSync(AXE, 'utf8'));
  }
  const results = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      first: v.nodes[0]?.target?.join(' ') ?? '',
    }));
  });
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of results) counts[v.impact] = (counts[v.impact] ?? 0) + v.nodes;
  const size = page.viewportSize();
  console.log(
    `axe ${name} ${size.width}x${size.height}: critical ${counts.critical}, serious ${counts.serious}, ` +
      `moderate ${counts.moderate}, minor ${counts.minor}`,
  );
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes} nodes, first: ${v.first}`);
}

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
    /** Fails on any serious or critical axe-core violation of the page as it is now. */
    async accessible(page, name) {
      const bad = await axeViolations(page, name);
      if (bad.length > 0) {
        throw new Error(`${label}: ${name} has serious accessibility problems:\n  ${bad.join('\n  ')}`);
      }
    },
  };
}

/** @returns {Promise<{context: import('playwright-core').BrowserContext, close: () => Promise<void>}>} */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'assay-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
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
