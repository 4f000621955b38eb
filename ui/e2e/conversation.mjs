// A conversation with the assistant in a real browser (Debian chromium + playwright-core) against a running Assay:
// upload titanic.csv → ask → follow up twice (each answer says what it changes; Replace uses it) → undo once →
// a reorder said but not chosen → apply → the results. Usage: node e2e/conversation.mjs [BASE_URL] (default
// http://localhost:8080; screenshots in $ASSAY_SCREENSHOTS or ./target/e2e-screenshots). Exits non-zero, saying
// what failed, when anything does.
import { launchBrowser, scriptSetup } from './browser.mjs';

const { base, shots, dataset, check, step } = scriptSetup('conversation e2e');

const { context, close } = await launchBrowser();
let page;
try {
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));

  step('upload titanic.csv');
  await page.goto(`${base}/`);
  await page.setInputFiles('input[type=file]', dataset);
  await page.waitForURL(/\/jobs\/j-[0-9a-z-]+$/, { waitUntil: 'commit' });
  await page.getByRole('heading', { name: 'Profile', exact: true }).waitFor({ timeout: 120_000 });

  const plan = page.getByRole('list', { name: 'Planned actions' });
  const jobId = page.url().split('/').pop();
  // The plan as the page holds it (it keeps it in the tab's session storage across reloads).
  const current = () =>
    page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{"actions":[]}').actions, `assay.plan.${jobId}`);
  const describe = (steps) =>
    steps
      .map(
        (s) => `${s.type}${s.params.strategy ? `(${s.params.strategy})` : ''}[${s.params.columns ?? s.params.target}]`,
      )
      .join(', ');
  const box = page.getByLabel('What should be done with this data?');
  const answer = page.getByLabel("The assistant's answer");
  /** Waits (a few seconds at most) until the page holds this plan; the page saves it after rendering. */
  async function expectPlan(expected, message) {
    let now = '';
    for (let i = 0; i < 50 && now !== expected; i++) {
      now = describe(await current());
      if (now !== expected) {
        await page.waitForTimeout(100);
      }
    }
    check(now === expected, `${message}: ${now}`);
  }
  async function ask(text, expectedExplanation) {
    await box.fill(text);
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await answer.getByText(`You asked: ${text}`).waitFor();
    if (expectedExplanation) {
      await answer.getByText(expectedExplanation).first().waitFor();
    }
  }

  step('ask');
  await ask('fill missing ages with the median and train a classifier on Survived');
  await plan.locator('[data-action-type="train_model"]').waitFor();
  await expectPlan('impute(median)[Age], train_model[Survived]', 'the first answer becomes the plan');
  check(
    (await answer.getByRole('list', { name: 'Summary of the answer' }).textContent()).includes(
      'Model: predicts Survived',
    ),
    'the answer summarises the model',
  );

  step('follow up: also scale Age');
  await ask('also scale Age');
  check(
    (await answer.getByRole('list', { name: 'What the answer changes' }).textContent()).includes('added scale'),
    'the answer says it adds a scale step',
  );
  check((await current()).length === 2, 'the plan is not changed before the person chooses');
  await answer.getByRole('button', { name: 'Replace the plan' }).click();
  await plan.locator('[data-action-type="scale"]').waitFor();

  step('follow up: use the mean instead');
  await ask('use the mean instead');
  check(
    (await answer.getByRole('list', { name: 'What the answer changes' }).textContent()).includes('changed impute'),
    'the answer says it changes the imputation',
  );
  await answer.getByRole('button', { name: 'Replace the plan' }).click();
  await expectPlan('impute(mean)[Age], scale[Age], train_model[Survived]', 'after two follow-ups');
  check(
    (await page.getByRole('list', { name: 'Conversation' }).textContent()).includes('also scale Age'),
    'the thread shows earlier turns',
  );
  await page.screenshot({ path: `${shots}/conversation-1-after-two-follow-ups.png`, fullPage: true });

  step('undo once');
  await answer.getByRole('button', { name: 'Undo the last answer' }).click();
  await expectPlan(
    'impute(median)[Age], scale[Age], train_model[Survived]',
    'after undo, the plan before the last answer',
  );
  await page.getByText('The plan fits this dataset.').waitFor();

  step('follow up: a new order is said, and nothing changes until the person chooses');
  await ask('do the scaling before the fill, not after');
  check(
    (await answer.getByRole('list', { name: 'What the answer changes' }).textContent()).includes(
      'reordered the steps: 1. scale on Age, 2. impute on Age',
    ),
    'the answer says the new order of the steps',
  );
  await expectPlan(
    'impute(median)[Age], scale[Age], train_model[Survived]',
    'a reorder is not applied before the person chooses',
  );

  step('apply');
  await page.getByRole('button', { name: 'Apply these actions' }).click();
  await page.getByTestId('results').waitFor({ timeout: 180_000 });
  const score = await page.getByLabel('Model score').textContent();
  check(/Accuracy 0\.\d+/.test(score), `a model score is shown: "${score}"`);
  await page.screenshot({ path: `${shots}/conversation-2-applied.png`, fullPage: true });
  check(problems.length === 0, `no errors in the page: ${problems.join('; ')}`);
  console.log(`conversation e2e: passed (${score.trim()}); screenshots in ${shots}`);
} catch (e) {
  if (page) {
    await page.screenshot({ path: `${shots}/conversation-failure.png`, fullPage: true }).catch(() => {});
  }
  throw e;
} finally {
  await close();
}
