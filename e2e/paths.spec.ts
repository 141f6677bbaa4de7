import { expect, test, type Page } from '@playwright/test';
import { snap } from './helpers';

async function openDemoPaths(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/p\/[^/]+\/library$/);
  await page.getByRole('navigation', { name: 'Pipeline stages' }).getByRole('link', { name: /Paths/ }).click();
  await expect(page.getByRole('heading', { name: 'Paths', level: 1 })).toBeVisible();
}

/** Drags a function from the palette onto a target (searching the palette for it first). */
async function dragFunction(page: Page, name: string, target: ReturnType<Page['getByTestId']>) {
  await page.getByLabel('Find a function').fill(name);
  const item = page
    .getByTestId('palette-function')
    .filter({ hasText: new RegExp(`^${name}`) })
    .first();
  await item.dragTo(target);
}

const turnTexts = (page: Page) =>
  page
    .getByTestId('turn')
    .evaluateAll((els) =>
      els.map(
        (el) =>
          `${el.getAttribute('data-kind')}:${[...el.querySelectorAll('[data-testid=call]')].map((c) => c.firstChild?.textContent).join('+')}`,
      ),
    );

test('a curator samples a batch with a recipe, filters it, reads its statistics and deletes part of it', async ({
  page,
}) => {
  await openDemoPaths(page);
  await page.getByRole('button', { name: 'Sample paths' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Recipe name').fill('e2e recipe');
  await dialog.getByLabel('Paths', { exact: true }).fill('300');
  await dialog.getByLabel('Seed').fill('e2e');
  await dialog.getByLabel('Split').fill('0.5');
  // A bad value is refused by the server with a message, and nothing is sampled.
  await dialog.getByLabel('Merge').fill('3');
  await dialog.getByRole('button', { name: /Sample 300 paths/ }).click();
  await expect(dialog.getByRole('alert')).toContainText('merge');
  await dialog.getByLabel('Merge').fill('0.3');
  await dialog.getByLabel('Walk proposed edges too').check();
  await dialog.getByRole('button', { name: /Sample 300 paths/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^300 paths match/)).toBeVisible();

  await page.getByRole('combobox', { name: 'Scenario' }).click();
  await page.getByRole('option', { name: /miss_param/ }).click();
  const matched = page.getByText(/^\d+ paths? match/);
  // The count is read once the filtered list has come back (it said 300 a moment before).
  await expect(matched).not.toHaveText(/^300 paths match/);
  const n = Number((await matched.textContent())!.match(/^(\d+)/)![1]);
  expect(n).toBeGreaterThan(20);
  expect(n).toBeLessThan(150);
  await expect(page.locator('tbody tr').first()).toContainText('asks:');

  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByRole('img', { name: /^Path length/ })).toBeVisible();
  await expect(page.getByText('Functions covered')).toBeVisible();
  await snap(page, 'path-stats');

  await page.getByRole('tab', { name: 'Paths' }).click();
  await page.getByRole('button', { name: new RegExp(`Delete ${n} matching`) }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No path matches these filters.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Scenario' }).click();
  await page.getByRole('option', { name: 'All scenarios' }).click();
  await expect(page.getByText(new RegExp(`^${300 - n} paths match`))).toBeVisible();
  await snap(page, 'paths-list');
});

// Last in the file: after native drag and drop, Chromium's input has been seen to stall for the
// next page, so no journey follows this one here.
test('a curator builds a path by hand: drags functions in, reorders turns, applies Split, saves, reloads', async ({
  page,
}) => {
  await openDemoPaths(page);
  await page.getByRole('button', { name: 'New path' }).click();
  await expect(page).toHaveURL(/\/paths\/[^/]+$/);
  await expect(page.getByText('Drop a function here to add a turn')).toBeVisible();

  const newTurn = page.getByTestId('new-turn');
  await dragFunction(page, 'search_flights', newTurn);
  await dragFunction(page, 'cancel_booking', newTurn);
  await dragFunction(page, 'book_flight', newTurn);
  await expect
    .poll(() => turnTexts(page))
    .toEqual(['normal:search_flights', 'normal:cancel_booking', 'normal:book_flight']);

  // Reorder: drag turn 3 by its handle onto turn 2.
  await page.getByTestId('turn-handle').nth(2).dragTo(page.getByTestId('turn').nth(1));
  await expect
    .poll(() => turnTexts(page))
    .toEqual(['normal:search_flights', 'normal:book_flight', 'normal:cancel_booking']);

  // A second call in a turn, then reorder the calls of that turn by dragging one onto the other.
  await dragFunction(page, 'get_booking', page.getByTestId('turn').nth(1));
  await expect
    .poll(() => turnTexts(page))
    .toEqual(['normal:search_flights', 'normal:book_flight+get_booking', 'normal:cancel_booking']);
  const turn2Calls = page.getByTestId('turn').nth(1).getByTestId('call');
  await turn2Calls.nth(1).dragTo(turn2Calls.nth(0));
  await expect
    .poll(() => turnTexts(page))
    .toEqual(['normal:search_flights', 'normal:get_booking+book_flight', 'normal:cancel_booking']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(() => turnTexts(page))
    .toEqual(['normal:search_flights', 'normal:book_flight+get_booking', 'normal:cancel_booking']);

  // Split: withhold cancel_booking before turn 3.
  await page.getByRole('button', { name: 'Operations on turn 3' }).click();
  await page.getByRole('menuitem', { name: 'miss_func: withhold cancel_booking' }).click();
  const expected = ['normal:search_flights', 'normal:book_flight+get_booking', 'miss_func:', 'normal:cancel_booking'];
  await expect.poll(() => turnTexts(page)).toEqual(expected);
  await expect(page.getByTestId('history')).toContainText('Split before turn 3: cancel_booking withheld');

  await page.getByLabel('Path name').fill('Hand-built booking path');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();
  await snap(page, 'path-editor');

  await page.reload();
  await expect(page.getByLabel('Path name')).toHaveValue('Hand-built booking path');
  await expect.poll(() => turnTexts(page)).toEqual(expected);
  await expect(page.getByTestId('history').locator('li')).toHaveCount(6);
  await expect(page.getByText('cancel_booking is not among the tools offered')).toBeVisible();

  // The list shows it as the curator's.
  await page.getByRole('link', { name: 'Paths' }).first().click();
  await page.getByRole('combobox', { name: 'Scenario' }).click();
  await page.getByRole('option', { name: 'built by hand' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Hand-built booking path' })).toBeVisible();
  // End any drag the browser may still consider in progress.
  await page.keyboard.press('Escape');
});
