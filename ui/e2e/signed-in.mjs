// The cluster mode in a real browser (Debian chromium + playwright-core): Assay with assay.auth.mode=oidc sends the
// browser to its OpenID provider's login page; the person types their name and password there and comes back signed
// in (the app bar names them, with a sign-out); uploads titanic.csv, asks the assistant, applies the plan; the
// Activity page then lists the sign-in, the upload, the assistant request and the applied plan as theirs. Sign-out
// ends the api's session and the provider's: the next visit asks for the password again and the api answers 401.
// Usage: ASSAY_USER=alice ASSAY_PASSWORD=... node e2e/signed-in.mjs BASE_URL   (BrowserEndToEndIT starts both
// servers). Exits non-zero, saying what failed, when anything does.
import { launchBrowser, scriptSetup } from './browser.mjs';

const { base, shots, dataset, check, step, accessible } = scriptSetup('signed-in e2e');
const user = process.env.ASSAY_USER ?? 'alice';
const password = process.env.ASSAY_PASSWORD;
check(password, "ASSAY_PASSWORD names the password to type on the provider's login page");

/** The provider's login form (Spring Authorization Server's default page), filled in as a person would. */
async function signIn(page) {
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const { context, close } = await launchBrowser();
let page;
try {
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));

  step("a visit without a session goes to the provider's login page");
  await page.goto(`${base}/`);
  await page.getByLabel('Password').waitFor();
  const login = new URL(page.url());
  check(login.origin !== new URL(base).origin, `the login page is the provider's, not Assay's: ${page.url()}`);
  await page.screenshot({ path: `${shots}/01-provider-login.png`, fullPage: true });
  await signIn(page);

  step('back in Assay, signed in: the app bar names the person and offers a sign-out');
  await page.waitForURL((url) => url.origin === new URL(base).origin);
  await page.getByRole('heading', { name: 'Analyse a CSV' }).waitFor();
  const signedInAs = page.getByLabel('Signed in as');
  await signedInAs.waitFor();
  check((await signedInAs.textContent()).trim() === user, `the app bar says "${await signedInAs.textContent()}"`);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  check((await signOut.count()) === 1, 'a sign-out button');
  await accessible(page, 'home signed in');
  await page.screenshot({ path: `${shots}/02-signed-in.png`, fullPage: true });

  step('upload titanic.csv');
  await page.setInputFiles('input[type=file]', dataset);
  await page.waitForURL(/\/jobs\/j-[0-9a-z-]+$/, { waitUntil: 'commit' });
  const jobId = new URL(page.url()).pathname.split('/')[2];
  await page.getByRole('heading', { name: 'Profile', exact: true }).waitFor({ timeout: 120_000 });

  step('ask the assistant');
  await page.locator('#ask').fill('Fill missing values and train a classifier on Survived');
  await page.locator('#ask').press('Enter');
  const plan = page.getByRole('list', { name: 'Planned actions' });
  await plan.locator('[data-action-type="train_model"]').waitFor();
  await page.getByText(/^The plan fits this dataset\.|^The plan can run, but/).waitFor();

  step('apply the plan');
  await page.getByRole('button', { name: 'Apply these actions' }).click();
  await page.waitForURL(/\/jobs\/j-[0-9a-z-]+\/runs\/[0-9a-z-]+$/, { waitUntil: 'commit' });
  await page.getByTestId('results').waitFor({ timeout: 180_000 });
  await page.screenshot({ path: `${shots}/03-results.png`, fullPage: true });

  step("Activity lists the four events, each the signed-in person's");
  await page.getByRole('link', { name: 'Activity' }).click();
  const table = page.getByRole('table', { name: 'Audit events' });
  await table.getByRole('row').nth(4).waitFor();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
  console.log('signed-in e2e: the Activity page shows (when | who | action | outcome | dataset | what):');
  for (const row of rows) {
    console.log(`  ${row.join(' | ')}`);
  }
  for (const action of ['Sign-in', 'Upload', 'Assistant request', 'Plan applied']) {
    const match = rows.find((r) => r[2] === action && r[3] === 'success');
    check(match, `a successful "${action}" row in Activity`);
    check(match[1] === user, `the "${action}" row is ${user}'s, not "${match[1]}"`);
    if (action !== 'Sign-in') {
      check(match[4] === jobId, `the "${action}" row names the dataset ${jobId}, not "${match[4]}"`);
    }
  }
  check(
    rows.every((r) => r[1] === user),
    `every row shown is ${user}'s: ${rows.map((r) => r[1])}`,
  );
  await accessible(page, 'activity');
  await page.screenshot({ path: `${shots}/04-activity.png`, fullPage: true });

  step('sign-out ends both sessions');
  await page.getByRole('button', { name: 'Sign out' }).click();
  // Assay's session ends, then the provider's; back at Assay without a session, the provider asks for the password.
  await page.getByLabel('Password').waitFor();
  check(new URL(page.url()).origin === login.origin, `after sign-out the provider's login page: ${page.url()}`);
  const me = await context.request.get(`${base}/api/v1/me`, { headers: { Accept: 'application/json' } });
  check(me.status() === 401, `after sign-out the api answers 401 to /api/v1/me, not ${me.status()}`);
  await page.screenshot({ path: `${shots}/05-signed-out.png`, fullPage: true });

  check(problems.length === 0, `no errors in the page: ${problems.join('; ')}`);
  console.log(`signed-in e2e: passed (${user}, dataset ${jobId}); screenshots in ${shots}`);
} catch (e) {
  if (page) {
    await page.screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => {});
  }
  throw e;
} finally {
  await close();
}
