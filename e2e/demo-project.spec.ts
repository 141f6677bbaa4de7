import { expect, test } from '@playwright/test';
import { snap } from './helpers';

test('a new user lands on the demo project with a real library, and every stage says what it is', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/p\/[^/]+\/library$/);
  await expect(page.getByRole('button', { name: 'Switch project' })).toContainText('Demo');
  await expect(page.getByText(/^\d+ functions$/)).toBeVisible();
  const count = Number((await page.getByText(/^\d+ functions$/).textContent())!.split(' ')[0]);
  expect(count).toBeGreaterThanOrEqual(40);
  await snap(page, 'demo-library');

  await page.getByLabel('Filter by class').click();
  const classes = page.getByRole('option');
  expect(await classes.count()).toBeGreaterThanOrEqual(5); // "All classes" + at least 4 domains
  await page.keyboard.press('Escape');

  await page
    .getByRole('navigation', { name: 'Pipeline stages' })
    .getByRole('link', { name: /Paths/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Paths', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sample paths' })).toBeVisible();
  for (const stage of ['Review', 'Export']) {
    await page
      .getByRole('navigation', { name: 'Pipeline stages' })
      .getByRole('link', { name: new RegExp(stage) })
      .click();
    await expect(page.getByRole('heading', { name: stage, level: 1 })).toBeVisible();
    await expect(page.getByText('This stage is not built yet')).toBeVisible();
  }
  await page
    .getByRole('navigation', { name: 'Pipeline stages' })
    .getByRole('link', { name: /Settings/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await snap(page, 'settings');
});
