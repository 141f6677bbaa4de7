import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { fixture } from './helpers';

/** A project of its own, so a failure here leaves the demo project as the other journeys expect it. */
async function weatherProject(request: APIRequestContext) {
  const created = await request.post('/api/projects', { data: { name: `Settings ${Date.now()}` } });
  expect(created.ok(), await created.text()).toBeTruthy();
  const { project } = (await created.json()) as { project: { id: string } };
  const imported = await request.post(`/api/projects/${project.id}/imports`, {
    data: { files: [{ name: 'weather-tools.json', text: readFileSync(fixture('weather-tools.json'), 'utf8') }] },
  });
  expect(imported.ok(), await imported.text()).toBeTruthy();
  return project.id;
}

test('a curator edits a prompt and goes back to the default, allows a host, and points a function at an HTTP endpoint', async ({
  page,
  request,
}) => {
  const projectId = await weatherProject(request);
  await page.goto(`/p/${projectId}/settings`);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

  // A prompt: edited, saved as a new version, kept across a reload, then back to the default.
  const prompt = page.getByRole('article', { name: 'write_query' });
  const version = prompt.getByTestId('prompt-version');
  const history = prompt.getByTestId('prompt-history');
  const template = prompt.getByLabel('write_query template');
  await expect(version).toHaveText('default');
  await expect(history).toContainText('No saved versions');
  // Cards open one at a time: the page stays short.
  await expect(template).toHaveCount(0);
  await prompt.getByRole('button', { name: 'Edit' }).click();
  await expect(prompt.getByRole('button', { name: 'Back to default' })).toBeDisabled();
  const original = await template.inputValue();
  expect(original).toContain('{{tasks}}');
  await template.fill(`${original}\n- Keep the message under 40 words.`);
  await prompt.getByRole('button', { name: 'Save as v1' }).click();
  await expect(version).toHaveText('custom v1');
  await expect(history).toContainText('1 saved version');
  await expect(history).toContainText('write_query@custom:');

  await page.reload();
  await expect(version).toHaveText('custom v1');
  await prompt.getByRole('button', { name: 'Edit' }).click();
  await expect(template).toHaveValue(/under 40 words\.$/);
  // Another operation is untouched.
  await expect(page.getByRole('article', { name: 'write_answer' }).getByTestId('prompt-version')).toHaveText('default');

  await prompt.getByRole('button', { name: 'Back to default' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('v2');
  await confirm.getByRole('button', { name: 'Back to default' }).click();
  await expect(version).toHaveText('default');
  await expect(history).toContainText('2 saved versions');
  await expect(template).toHaveValue(original);

  // The allowlist: a bad entry is named before saving; a good one is saved and read back.
  const executors = page.getByRole('region', { name: 'Executors' });
  await expect(executors).toContainText('No host yet');
  const host = executors.getByRole('textbox', { name: 'Allowed hosts' });
  await host.fill('not a host!');
  await host.press('Enter');
  await expect(executors.getByText(/must be a host/)).toBeVisible();
  await host.fill('127.0.0.1');
  await host.press('Enter');
  await expect(executors.getByTestId('allowlist-host')).toHaveText(['127.0.0.1']);
  await executors.getByRole('button', { name: 'Save executor settings' }).click();
  await expect(executors.getByRole('button', { name: 'Save executor settings' })).toBeDisabled();
  await page.reload();
  await expect(executors.getByTestId('allowlist-host')).toHaveText(['127.0.0.1']);

  // One function's executor: an HTTP endpoint with a header whose value never comes back.
  await page.goto(`/p/${projectId}/library`);
  await page.getByRole('table').getByRole('link', { name: 'get_forecast' }).click();
  await expect(page.getByRole('heading', { name: 'get_forecast' })).toBeVisible();
  const executor = page.getByTestId('function-executor');
  await expect(executor.getByTestId('executor-current')).toHaveText('Schema (default)');
  await executor.getByRole('radio', { name: /HTTP endpoint/ }).check();
  const url = executor.getByLabel('URL', { exact: true });
  // A host off the allowlist is flagged before any run refuses it.
  await url.fill('https://api.example.com/forecast');
  await expect(executor.getByText(/api\.example\.com is not on the project’s allowlist/)).toBeVisible();
  await url.fill('http://127.0.0.1:9/forecast');
  await expect(executor.getByText(/not on the project’s allowlist/)).toHaveCount(0);
  await executor.getByLabel('Timeout (s)').fill('5');
  await executor.getByRole('button', { name: 'Add header' }).click();
  await executor.getByLabel('Header 1 name').fill('Authorization');
  await executor.getByLabel('Header 1 value').fill('Bearer e2e-secret-token');
  await executor.getByRole('button', { name: 'Set executor' }).click();
  await expect(executor.getByTestId('executor-current')).toHaveText('HTTP POST');

  await page.reload();
  await expect(executor.getByTestId('executor-current')).toHaveText('HTTP POST');
  await expect(executor.getByRole('radio', { name: /HTTP endpoint/ })).toBeChecked();
  await expect(url).toHaveValue('http://127.0.0.1:9/forecast');
  await expect(executor.getByLabel('Timeout (s)')).toHaveValue('5');
  await expect(executor.getByLabel('Header 1 name')).toHaveValue('Authorization');
  await expect(executor.getByLabel('Header 1 value')).toHaveValue('');
  expect(await page.content()).not.toContain('e2e-secret-token');
  const read = await request.get(
    `/api/projects/${projectId}/functions/${await functionId(request, projectId)}/executor`,
  );
  const body = await read.text();
  expect(body).toContain('Authorization');
  expect(body).not.toContain('e2e-secret-token');

  // Changing it without the header's value again is refused in place, saying why.
  await url.fill('http://127.0.0.1:9/forecast/v2');
  await executor.getByRole('button', { name: 'Set executor' }).click();
  await expect(executor.getByRole('alert')).toContainText('Type the value of Authorization again');
});

async function functionId(request: APIRequestContext, projectId: string) {
  const { functions } = (await (await request.get(`/api/projects/${projectId}/functions?q=get_forecast`)).json()) as {
    functions: { id: string; name: string }[];
  };
  const fn = functions.find((f) => f.name === 'get_forecast');
  expect(fn, 'get_forecast').toBeTruthy();
  return fn!.id;
}
