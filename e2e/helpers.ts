import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

/** Full-page screenshots for people to look at (screenshots/ is not committed). */
export async function snap(page: Page, name: string) {
  mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

/** Creates a project through the projects page and lands on its empty library. */
export async function createProject(page: Page, name: string) {
  await page.goto('/projects');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/p\/[^/]+\/library$/);
  await expect(page.getByText('This library is empty')).toBeVisible();
}
