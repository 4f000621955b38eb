// Page-load benchmark: opens each Assay given (the same Chromium as the browser tests, a fresh profile, empty
// cache) on a slow-3G-like link (CDP network throttling: 400 ms latency, 400 kbit/s down and up) and prints the
// time until the upload button is visible and the script bytes transferred (as sent, compressed), median of runs.
// Usage: node e2e/bench-page-load.mjs LABEL=URL [LABEL=URL ...]   (RUNS=3 by default)
import { launchBrowser } from './browser.mjs';

const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};
const runs = Number(process.env.RUNS ?? 3);
const targets = process.argv.slice(2).map((a) => a.split(/=(.*)/s).slice(0, 2));
if (targets.length === 0) {
  console.error('usage: node e2e/bench-page-load.mjs LABEL=URL [LABEL=URL ...]');
  process.exit(2);
}

async function once(url) {
  const { context, close } = await launchBrowser();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    const types = new Map();
    let scriptBytes = 0;
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      if (types.get(e.requestId) === 'Script') scriptBytes += e.encodedDataLength;
    });
    const start = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.getByRole('button', { name: 'Choose a CSV file' }).waitFor({ state: 'visible', timeout: 120_000 });
    const millis = Date.now() - start;
    await page.waitForLoadState('networkidle');
    return { millis, scriptBytes };
  } finally {
    await close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [label, url] of targets) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(url));
  console.log(
    `${label}: time to the upload button ${(median(results.map((r) => r.millis)) / 1000).toFixed(2)} s ` +
      `(runs: ${results.map((r) => (r.millis / 1000).toFixed(2)).join(', ')}), script transferred ` +
      `${(median(results.map((r) => r.scriptBytes)) / 1024).toFixed(1)} KB, on a 400 kbit/s link with 400 ms latency`,
  );
}
