import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createProject, fixture, snap } from './helpers';

test('a curator uploads a library, finds its functions, edits one and the edit persists', async ({ page }) => {
  await createProject(page, `Weather ${Date.now()}`);

  await page.getByRole('button', { name: 'Import library' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('import-file-input').setInputFiles(fixture('weather-tools.json'));
  await expect(dialog.getByText('weather-tools.json')).toBeVisible();
  await snap(page, 'library-import-dialog');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toContainText('3 new');
  await expect(dialog.getByTestId('import-report')).toContainText('OpenAI tools');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const table = page.getByRole('table');
  for (const name of ['geocode_city', 'get_forecast', 'get_air_quality'])
    await expect(table.getByRole('link', { name })).toBeVisible();
  await expect(page.getByText('3 functions')).toBeVisible();

  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'as MCP tools/list' }).click(),
  ]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { tools: { name: string }[] };
  expect(exported.tools.map((t) => t.name).sort()).toEqual(['geocode_city', 'get_air_quality', 'get_forecast']);

  await page.getByLabel('Search functions').fill('forecast');
  await expect(table.getByRole('link', { name: 'get_forecast' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'geocode_city' })).toHaveCount(0);
  await snap(page, 'library-table-search');

  await table.getByRole('link', { name: 'get_forecast' }).click();
  await expect(page.getByRole('heading', { name: 'get_forecast' })).toBeVisible();
  const description = page.getByLabel('Description');
  await description.fill('Daily forecast for a place id, up to two weeks ahead.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  await snap(page, 'function-editor');
  await page.reload();
  await expect(page.getByLabel('Description')).toHaveValue('Daily forecast for a place id, up to two weeks ahead.');
});

test('a malformed file is refused with the problem named, and nothing is imported', async ({ page }) => {
  await createProject(page, `Malformed ${Date.now()}`);
  await page.getByRole('button', { name: 'Import library' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByTestId('import-file-input')
    .setInputFiles([fixture('weather-tools.json'), fixture('malformed.json')]);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = dialog.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('malformed.json');
  await expect(alert).toContainText(/line 1/);
  await expect(dialog.getByLabel('Import problems')).toContainText('malformed.json');
  await snap(page, 'library-import-error');
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByText('This library is empty')).toBeVisible();
});
