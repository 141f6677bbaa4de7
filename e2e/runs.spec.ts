import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { snap } from './helpers';

async function demoProjectId(request: APIRequestContext) {
  const { projects } = (await (await request.get('/api/projects')).json()) as {
    projects: { id: string; name: string }[];
  };
  const demo = projects.find((p) => p.name.startsWith('Demo'));
  expect(demo, 'the demo project').toBeTruthy();
  return demo!.id;
}

/** Paths come from the API: these journeys are about runs (paths.spec samples through the page). */
async function samplePaths(request: APIRequestContext, projectId: string, count: number) {
  const res = await request.post(`/api/projects/${projectId}/paths/sample`, {
    data: { recipeName: 'e2e runs', recipe: { count, seed: 'runs', includeProposed: true } },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
}

async function pathCount(request: APIRequestContext, projectId: string) {
  const { total } = (await (await request.get(`/api/projects/${projectId}/paths?limit=1`)).json()) as { total: number };
  return total;
}

async function openRuns(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/p\/[^/]+\/library$/);
  await page.getByRole('navigation', { name: 'Pipeline stages' }).getByRole('link', { name: /Runs/ }).click();
  await expect(page.getByRole('heading', { name: 'Runs', level: 1 })).toBeVisible();
}

/** Starts a run on every path of the project from the Runs page and lands on it. */
async function startRun(page: Page, name: string, total: number, teacher?: RegExp) {
  await page.getByRole('button', { name: 'Start run' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('paths-matching')).toHaveText(`${total.toLocaleString('en-US')} paths match`);
  await dialog.getByLabel('Name').fill(name);
  if (teacher) {
    await dialog.getByRole('combobox', { name: 'Teacher' }).click();
    await page.getByRole('option', { name: teacher }).click();
  }
  await expect(dialog.getByRole('combobox', { name: 'Teacher' })).toContainText(teacher ?? 'Template (built in)');
  if (!teacher) {
    await snap(page, 'runs-start-dialog');
    // A value the server refuses is reported in the dialog, and no run starts.
    await dialog.getByLabel('Concurrency').fill('0');
    await dialog.getByRole('button', { name: /^Start run on/ }).click();
    await expect(dialog.getByRole('alert')).toContainText('concurrency');
    await dialog.getByLabel('Concurrency').fill('');
  }
  await dialog.getByRole('button', { name: `Start run on ${total.toLocaleString('en-US')} paths` }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

const finished = (page: Page, total: number) =>
  // Generous: the journey must end, not hang; the template teacher needs about a second per 100 paths.
  expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', String(total), {
    timeout: 45_000,
  });

test('a curator translates every path with the template teacher, watches the run end and reads a conversation', async ({
  page,
  request,
}) => {
  const projectId = await demoProjectId(request);
  await samplePaths(request, projectId, 100);
  const total = await pathCount(request, projectId);
  const count = total.toLocaleString('en-US');

  await openRuns(page);
  await startRun(page, 'e2e template run', total);
  await finished(page, total);
  await expect(page.getByTestId('run-status')).toHaveText('done');
  await expect(page.getByText(`${count} translated`, { exact: true })).toBeVisible();
  await expect(page.getByText('0 failed', { exact: true })).toBeVisible();
  await expect(page.getByText(`${count} conversations`)).toBeVisible();
  // The download holds one conversation a line.
  const jsonl = await page.getByRole('link', { name: 'Download JSONL' }).getAttribute('href');
  expect(jsonl).toMatch(/trajectories\/export\?runId=/);
  expect((await (await request.get(jsonl!)).text()).trim().split('\n')).toHaveLength(total);
  await snap(page, 'run-done');

  // The template teacher asks no model: the exchanges tab says so instead of staying empty.
  await page.getByRole('tab', { name: 'LLM exchanges' }).click();
  await expect(page.getByText('The template teacher asks no model')).toBeVisible();
  await page.getByRole('tab', { name: 'Conversations' }).click();

  await page.getByRole('combobox', { name: 'Outcome' }).click();
  await page.getByRole('option', { name: 'Translated' }).click();
  await expect(page.getByText(`${count} conversations match`)).toBeVisible();
  await page.getByTestId('conversation-row').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/runs\/[^/]+\/trajectories\/[^/]+$/);

  await expect(page.getByRole('heading', { name: 'Turn 1', level: 2 })).toBeVisible();
  await expect(page.getByTestId('message-user').first()).toHaveText(/User\s*\S.{10,}/);
  const call = page.getByTestId('tool-call').first();
  await expect(call.getByTestId('tool-call-name')).toHaveText(/^\w+$/);
  await expect(call.getByLabel('Arguments', { exact: true })).toContainText('{');
  await expect(call.getByLabel('Output', { exact: true })).toContainText(/\S/);
  await expect(page.getByTestId('assistant-text').first()).toHaveText(/\S{3,}/);
  await snap(page, 'conversation');

  // A conversation has a link of its own.
  await page.reload();
  await expect(page.getByTestId('tool-call').first()).toBeVisible();

  // Back on the list, the run is there with its teacher and its result.
  await page.getByRole('link', { name: 'Runs', exact: true }).first().click();
  const row = page.getByTestId('run-row').filter({ hasText: 'e2e template run' });
  await expect(row).toContainText('Template (built in)');
  await expect(row).toContainText(`${count} translated`);
  await expect(row.getByTestId('run-status')).toHaveText('done');
});

test('a run with a teacher that cannot be reached ends with every path failed and says why', async ({
  page,
  request,
}) => {
  const projectId = await demoProjectId(request);
  if ((await pathCount(request, projectId)) === 0) await samplePaths(request, projectId, 100);
  const total = await pathCount(request, projectId);
  const created = await request.post(`/api/projects/${projectId}/teachers`, {
    data: {
      name: 'e2e unreachable',
      provider: 'openai-compatible',
      baseURL: 'http://127.0.0.1:9/v1',
      model: 'nothing-listens',
      timeoutMs: 1000,
      maxRetries: 0,
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();

  // Settings lists it, and says it has no key (never showing one).
  await page.goto(`/p/${projectId}/settings`);
  const teacher = page.getByTestId('teacher-row').filter({ hasText: 'e2e unreachable' });
  await expect(teacher).toContainText('http://127.0.0.1:9/v1');
  await expect(teacher.getByTestId('teacher-key')).toHaveText('none');
  await snap(page, 'teachers');

  await openRuns(page);
  await startRun(page, 'e2e unreachable teacher', total, /^e2e unreachable/);
  await finished(page, total);
  await expect(page.getByTestId('run-status')).toHaveText('done');
  await expect(page.getByText('0 translated', { exact: true })).toBeVisible();
  await expect(page.getByText(`${total.toLocaleString('en-US')} failed`, { exact: true })).toBeVisible();

  // Every failure says why, in words.
  const failures = page.getByTestId('failures').locator('li');
  await expect(failures.first()).toContainText(/turn 1: .*connect/i);
  await snap(page, 'run-failed');

  // The exchanges that failed, with what was asked.
  await page.getByRole('tab', { name: 'LLM exchanges' }).click();
  await page.getByLabel('Errors only').check();
  const exchange = page.getByTestId('exchange-row').first();
  await expect(exchange).toContainText(/connect/i);
  await exchange.getByRole('button', { name: 'Show request and response' }).click();
  await expect(page.getByLabel('Request', { exact: true })).toContainText('"messages"');
  await snap(page, 'run-exchanges');

  // Retry sends the failed paths again; with the same dead server they fail again, and the run ends.
  const runId = page.url().split('/').pop()!;
  const [retried] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/runs/${runId}/retry`) && r.request().method() === 'POST'),
    page.getByRole('button', { name: `Retry ${total.toLocaleString('en-US')} failed` }).click(),
  ]);
  expect(((await retried.json()) as { run: { status: string } }).run.status).toBe('queued');
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/projects/${projectId}/runs/${runId}`)).json()) as { status: string }).status,
      {
        timeout: 45_000,
      },
    )
    .toBe('done');
  await finished(page, total);
  await expect(page.getByTestId('run-status')).toHaveText('done');
  await expect(page.getByText(`${total.toLocaleString('en-US')} failed`, { exact: true })).toBeVisible();

  // A failure opens its conversation, which shows where it stopped.
  await failures.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/trajectories\/[^/]+$/);
  await expect(page.getByRole('alert').first()).toContainText(/connect/i);
});
