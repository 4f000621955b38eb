// End-to-end in a real browser (Debian chromium + playwright-core) against a running Assay, with axe-core on every
// screen at 1440×900 and 390×844 (any serious or critical violation fails) and the main flow by keyboard only:
// a refused file says why; upload titanic.csv → profile and report visible → ask the assistant → chips →
// a wrong edit is flagged beside its field → apply → the green results box with a model score → run history;
// a deep link opens after a reload; the pages at phone width. Saves a screenshot of each screen.
// Usage: node e2e/e2e.mjs [BASE_URL]   (default http://localhost:8080; screenshots in $ASSAY_SCREENSHOTS
// or ./target/e2e-screenshots). Exits non-zero, saying what failed, when anything does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, scriptSetup } from './browser.mjs';

const { base, shots, dataset, check, step, accessible } = scriptSetup('e2e');

/** Chromium paints a frame scrolled into view a moment later; a screenshot taken at once shows it blank. */
const settle = (page) => page.waitForTimeout(400);

/** Scrolls so that the element is this many pixels below the top of the window, for a screenshot of what follows. */
async function showTop(page, selector, offset) {
  await page.evaluate(
    ([css, px]) => {
      const top = document.querySelector(css).getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, Math.max(0, top - px));
    },
    [selector, offset],
  );
  await settle(page);
}

const { context, close } = await launchBrowser();
let page;
try {
  page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1440, height: 900 });
  page.setDefaultTimeout(30_000);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    // A refused upload is a 4xx the browser logs as a failed resource; anything else logged as an error counts.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });

  step('start page');
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Analyse a CSV' }).waitFor();
  await page.getByRole('heading', { name: 'Try it with a sample' }).waitFor();
  await accessible(page, 'home');
  await page.screenshot({ path: `${shots}/01-upload.png`, fullPage: true });

  step('keyboard: the file picker is reachable with Tab');
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Choose a CSV file');
  }
  check(reached, 'the "Choose a CSV file" button is reachable by keyboard');

  step('a file that is not a CSV is refused with the reason');
  const scratch = mkdtempSync(join(tmpdir(), 'assay-e2e-files-'));
  // A PDF renamed .xlsx: workbooks are read now, but the content decides, not the name.
  const workbook = join(scratch, 'quarterly.xlsx');
  writeFileSync(workbook, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 7)]));
  await page.setInputFiles('input[type=file]', workbook);
  const refusal = page.getByRole('alert');
  await refusal.waitFor();
  const refusalText = await refusal.textContent();
  check(/pdf/i.test(refusalText) && /not a csv/i.test(refusalText), `the refusal names the problem: "${refusalText}"`);
  check(new URL(page.url()).pathname === '/', 'a refused file stays on the start page');
  await page.screenshot({ path: `${shots}/02-upload-refused.png`, fullPage: true });
  rmSync(scratch, { recursive: true, force: true });

  step('upload titanic.csv');
  await page.setInputFiles('input[type=file]', dataset);
  await page.waitForURL(/\/jobs\/j-[0-9a-z-]+$/, { waitUntil: 'commit' });
  const jobUrl = page.url();
  await page.getByRole('heading', { name: 'Profile', exact: true }).waitFor({ timeout: 120_000 });
  check((await page.getByLabel('Rows', { exact: true }).textContent()).includes('891'), 'the profile shows 891 rows');
  check(
    (await page.getByRole('button', { name: /^Add to plan: Fill missing · median · Age/ }).count()) === 1,
    'the missing-Age alert offers its suggestion',
  );
  check(
    (await page.getByRole('link', { name: 'Profile report (opens a new tab)' }).getAttribute('target')) === '_blank',
    'the report opens in its own tab',
  );
  check((await page.locator('iframe').count()) === 0, 'no frame repeating the alerts');
  const examples = await page.getByRole('button', { name: /^Fill missing values and train/ }).allTextContents();
  check(
    examples.some((e) => e.includes('Survived')),
    `an example names this dataset's target: ${examples}`,
  );
  await accessible(page, 'dataset');
  await page.screenshot({ path: `${shots}/03-profile.png`, fullPage: true });

  step('keyboard only: skip link to Ask, ask with Enter, Tab to Apply');
  await page.goto(jobUrl); // a fresh load: Tab starts from the top of the document
  await page.getByRole('heading', { name: 'Profile', exact: true }).waitFor();
  await page.keyboard.press('Tab');
  const skipText = await page.evaluate(() => document.activeElement?.textContent);
  check(skipText === 'Skip to Ask the assistant', `the first Tab reaches the skip link to Ask: "${skipText}"`);
  await page.keyboard.press('Enter');
  check(await page.evaluate(() => document.activeElement?.id === 'ask'), 'the skip link puts focus in the Ask box');
  await page.keyboard.type('Fill missing values and train a classifier on Survived');
  await page.keyboard.press('Enter');
  const plan = page.getByRole('list', { name: 'Planned actions' });
  await plan.locator('[data-action-type="train_model"]').waitFor();
  const chips = await plan.locator('[data-action-type]').allTextContents();
  check(
    chips.some((c) => c.includes('Fill missing')) && chips.some((c) => c.includes('Train model')),
    `chips: ${chips}`,
  );
  check((await plan.textContent()).includes('Survived'), 'the plan trains on Survived');
  await page.getByText(/^The plan fits this dataset\.|^The plan can run, but/).waitFor();
  await accessible(page, 'plan');
  await showTop(page, '#plan-heading', 320);
  await page.screenshot({ path: `${shots}/05-assistant-plan.png` });

  step('a wrong edit is flagged beside its step and field');
  await page.getByRole('button', { name: 'Add a step' }).click();
  await page.getByRole('menuitem', { name: /^Scale/ }).click();
  const scaleStep = page.getByRole('listitem', { name: /^Step 2: Scale/ });
  await scaleStep.getByRole('button', { name: 'Step 2: edit' }).click();
  const columnsField = page.getByLabel('Columns (Step 2)');
  await columnsField.fill('Name');
  await columnsField.press('Enter');
  // The step's form is open, so the server's complaint shows under the field it is about.
  await scaleStep.getByText("column 'Name' is string; scale needs numbers").waitFor();
  check((await columnsField.getAttribute('aria-invalid')) === 'true', 'the Columns field is marked invalid');
  check(
    await page.getByRole('button', { name: 'Apply these actions' }).isDisabled(),
    'an invalid plan cannot be applied',
  );
  await showTop(page, '#plan-heading', 80);
  await page.screenshot({ path: `${shots}/06-plan-problem-inline.png` });
  await page.getByRole('button', { name: 'Step 2: remove' }).click();
  await page.getByText(/^The plan fits this dataset\.|^The plan can run, but/).waitFor();

  step('apply, by keyboard: Tab from the Ask box to Apply, then Enter');
  await page.focus('#ask');
  let tabs = 0;
  while (tabs < 80 && !(await page.evaluate(() => document.activeElement?.textContent === 'Apply these actions'))) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  check(tabs < 80, 'Apply is reachable with Tab from the Ask box');
  console.log(`e2e: ${tabs} Tab presses from the Ask box to Apply`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/jobs\/j-[0-9a-z-]+\/runs\/[0-9a-z-]+$/, { waitUntil: 'commit' });
  const runUrl = page.url();
  const results = page.getByTestId('results');
  await results.waitFor({ timeout: 180_000 });
  const focused = await page.evaluate(
    () => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`,
  );
  check(/^H1 Results of/.test(focused), `after Apply the focus is on the results heading: "${focused}"`);
  const score = await page.getByLabel('Model score').textContent();
  check(/Accuracy 0\.\d+/.test(score), `a model score is shown: "${score}"`);
  check(/\d/.test(await page.getByLabel('Baseline score').textContent()), 'the baseline is shown beside it');
  check((await results.getByRole('table', { name: 'Confusion matrix' }).count()) === 1, 'a confusion matrix');
  check((await results.getByRole('img', { name: /Feature importances/ }).count()) === 1, 'feature importances');
  check((await results.getByRole('link', { name: 'Processed CSV' }).count()) === 1, 'the processed CSV');
  await accessible(page, 'results');
  await page.screenshot({ path: `${shots}/07-results.png`, fullPage: true });

  step('the dataset lists the run; a bookmarked run opens after a reload');
  await page.goto(jobUrl);
  await page.getByRole('table', { name: 'Run history' }).waitFor();
  check(
    (await page.getByRole('table', { name: 'Run history' }).getByRole('row').count()) === 2,
    'one run in the history',
  );
  await page.screenshot({ path: `${shots}/08-job-page-after-run.png`, fullPage: true });
  check((await page.title()) === 'titanic.csv · Assay', `the tab is named after the file: "${await page.title()}"`);
  await page.goto(runUrl);
  await page.getByTestId('results').waitFor();

  step('not found');
  await page.goto(`${base}/no/such/page`);
  await page.getByRole('heading', { name: 'Nothing here' }).waitFor();
  check(!(await page.textContent('main')).includes('/jobs/'), 'the not-found page names no api path');
  await accessible(page, 'not-found');
  await page.screenshot({ path: `${shots}/09-not-found.png` });

  step('phone width');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Analyse a CSV' }).waitFor();
  await page.getByRole('table', { name: 'Recent datasets' }).waitFor();
  await accessible(page, 'home');
  await page.screenshot({ path: `${shots}/10-phone-start.png`, fullPage: true });
  await page.goto(jobUrl);
  await page.getByRole('heading', { name: 'Profile', exact: true }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `nothing is wider than the phone's screen (${overflow} px too wide)`);
  const askTop = await page.evaluate(() => document.getElementById('ask').getBoundingClientRect().top);
  const profileTop = await page.evaluate(() => document.getElementById('profile-heading').getBoundingClientRect().top);
  check(askTop < profileTop, `on a phone the Ask box comes before the alerts (${askTop} < ${profileTop})`);
  console.log(`e2e: on a phone the Ask box is ${Math.round(askTop)} px from the top`);
  await accessible(page, 'dataset');
  await page.screenshot({ path: `${shots}/11-phone-job.png` });
  await page.getByRole('heading', { name: /^Plan/ }).first().scrollIntoViewIfNeeded();
  await accessible(page, 'plan');
  await page.screenshot({ path: `${shots}/12-phone-plan.png` });
  await page.goto(runUrl);
  await page.getByTestId('results').waitFor();
  await accessible(page, 'results');
  await page.screenshot({ path: `${shots}/13-phone-results.png` });
  await page.goto(`${base}/no/such/page`);
  await page.getByRole('heading', { name: 'Nothing here' }).waitFor();
  await accessible(page, 'not-found');
  await page.screenshot({ path: `${shots}/14-phone-not-found.png` });

  check(problems.length === 0, `no errors in the page: ${problems.join('; ')}`);
  console.log(`e2e: passed (${score.trim()}); screenshots in ${shots}`);
} catch (e) {
  if (page) {
    await page.screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => {});
  }
  throw e;
} finally {
  await close();
}
