import { expect, test, type Page } from '@playwright/test';
import { snap } from './helpers';

async function openDemoGraph(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/p\/[^/]+\/library$/);
  await page.getByRole('navigation', { name: 'Pipeline stages' }).getByRole('link', { name: /Graph/ }).click();
  await expect(page.getByRole('heading', { name: 'Graph', level: 1 })).toBeVisible();
  await expect(
    page.getByTestId('graph-node-cancel_booking').or(page.getByTestId('graph-group-travel_booking')).first(),
  ).toBeVisible();
}

async function focus(page: Page, name: string) {
  await page.getByLabel('Search functions').fill(name);
  await page
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await expect(page.getByRole('complementary', { name: 'Details' })).toContainText(name);
}

async function center(page: Page, testId: string, handle: 'source' | 'target') {
  const box = await page.getByTestId(testId).locator(`.react-flow__handle.${handle}`).boundingBox();
  expect(box, `${testId} ${handle} handle on screen`).not.toBeNull();
  return { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
}

test('a curator searches the graph, accepts one edge, rejects another, draws a third, and all persist', async ({
  page,
}) => {
  await openDemoGraph(page);
  await snap(page, 'graph-demo');

  await focus(page, 'cancel_booking');
  const details = page.getByRole('complementary', { name: 'Details' });
  const accepted = details.getByTestId('edge-row-book_flight->cancel_booking');
  const rejected = details.getByTestId('edge-row-purchase_insurance->cancel_booking');
  await expect(accepted).toHaveAttribute('data-status', 'proposed');
  await accepted.getByRole('button', { name: 'Accept edge' }).click();
  await expect(accepted).toHaveAttribute('data-status', 'accepted');
  await rejected.getByRole('button', { name: 'Reject edge' }).click();
  await expect(rejected).toHaveAttribute('data-status', 'rejected');

  // Draw get_seat_map → cancel_booking (same class, no edge yet) by dragging between handles.
  // The layout depends on the machine (elkjs has a time limit), so zoom out until both show.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const inPane = async (testId: string) => {
    // Only elements in view are rendered: a node that is not in the DOM is not on screen.
    if ((await page.getByTestId(testId).count()) === 0) return false;
    const box = await page.getByTestId(testId).boundingBox();
    return !!box && box.x > pane.x && box.y > pane.y && box.x + box.width < pane.x + pane.width && box.y + box.height < pane.y + pane.height;
  };
  const bothInPane = async () => (await inPane('graph-node-get_seat_map')) && (await inPane('graph-node-cancel_booking'));
  // Fitting the whole graph first: zooming out around the centre alone can leave one end outside.
  if (!(await bothInPane())) {
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(500);
  }
  for (let i = 0; i < 8 && !(await bothInPane()); i++) {
    await page.locator('.react-flow__controls-zoomout').click();
    await page.waitForTimeout(300);
  }
  const from = await center(page, 'graph-node-get_seat_map', 'source');
  const to = await center(page, 'graph-node-cancel_booking', 'target');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('edge-row-get_seat_map->cancel_booking').first()).toHaveAttribute('data-status', 'accepted');
  await snap(page, 'graph-decided');

  await page.reload();
  await focus(page, 'cancel_booking');
  await expect(details.getByTestId('edge-row-book_flight->cancel_booking')).toHaveAttribute('data-status', 'accepted');
  await expect(details.getByTestId('edge-row-purchase_insurance->cancel_booking')).toHaveAttribute(
    'data-status',
    'rejected',
  );
  await expect(details.getByTestId('edge-row-get_seat_map->cancel_booking')).toHaveAttribute(
    'data-status',
    'accepted',
  );
});

test('undo and redo an edge decision', async ({ page }) => {
  await openDemoGraph(page);
  await focus(page, 'get_order');
  const details = page.getByRole('complementary', { name: 'Details' });
  const row = details.locator('[data-testid^="edge-row-"][data-status="proposed"]').first();
  const id = await row.getAttribute('data-testid');
  const target = details.getByTestId(id!);
  await target.getByRole('button', { name: 'Accept edge' }).click();
  await expect(target).toHaveAttribute('data-status', 'accepted');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(target).toHaveAttribute('data-status', 'proposed');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(target).toHaveAttribute('data-status', 'accepted');
});
