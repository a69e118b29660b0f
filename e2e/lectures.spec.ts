/**
 * The lectures as a lecturer uses them: the start page offers the taxonomy map and the lessons;
 * every lesson is walked from its first step to its last by keyboard in presenter mode, each step
 * screenshotted there; each step's address reopens that step; Home, End, a number and Enter, Back,
 * Escape; and the speaker-notes window follows the presenter.
 */
import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_LESSONS } from '../src/lessons/builtinLessons';
import { docImagePath } from './docImages';

const address = (id: string, step: number, extra = '') => `./#lesson=${id}&step=${step}${extra}`;

async function expectStep(page: Page, title: string, n: number, total: number) {
  const presenter = page.getByTestId('presenter');
  await expect(presenter.getByRole('heading', { level: 2, name: title })).toBeVisible({ timeout: 30_000 });
  await expect(presenter.getByLabel(`Step ${n} of ${total}`)).toBeVisible();
}

test('the start page offers the taxonomy map and the lessons, and a map card opens a live example', async ({ page }) => {
  await page.goto('./');
  const lectures = page.getByRole('region', { name: 'Lectures' });
  for (const lesson of BUILTIN_LESSONS) await expect(lectures.getByRole('link', { name: lesson.title })).toBeVisible();
  await lectures.getByRole('link', { name: 'The subspace taxonomy map' }).click();
  await expect(page.getByRole('heading', { name: 'The subspace taxonomy' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Decompositions' })).toBeVisible();
  await expect(page.getByText(/Unknown to us: the tables and gap list/)).toBeVisible();
  await page.screenshot({ path: docImagePath('taxonomy-map') });
  // The SVD card's example opens the matrix workspace with its matrix.
  const svdCard = page.getByRole('heading', { level: 4, name: 'SVD', exact: true }).locator('xpath=ancestor::*[contains(@class, "taxonomy-card")][1]');
  await svdCard.getByRole('link', { name: /Open example/ }).click();
  await expect(page.getByRole('table', { name: 'Singular values' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The subspace taxonomy' })).toHaveCount(0);
});

for (const lesson of BUILTIN_LESSONS) {
  test(`lesson "${lesson.title}": walked by keyboard in presenter mode, every step screenshotted, every step's address reopens it`, async ({ page }) => {
    test.setTimeout(150_000);
    const total = lesson.steps.length;
    await page.goto(address(lesson.id, 1, '&present=1'));
    for (let i = 0; i < total; i++) {
      await expectStep(page, lesson.steps[i].title, i + 1, total);
      expect(new URL(page.url()).hash).toBe(`#lesson=${lesson.id}&step=${i + 1}&present=1`);
      // Let the step's state and animation settle before the picture a student at the back would see.
      await page.waitForTimeout(lesson.steps[i].animate ? 1200 + 1000 * lesson.steps[i].animate!.seconds : 900);
      await page.screenshot({ path: docImagePath(`lesson-${lesson.id}-${i + 1}`) });
      if (i < total - 1) await page.keyboard.press('ArrowRight');
    }
    // Past the last step, Right stays there.
    await page.keyboard.press('ArrowRight');
    await expectStep(page, lesson.steps[total - 1].title, total, total);

    // Each step's own address reopens that step, outside presenter mode too.
    for (let i = 0; i < total; i++) {
      await page.goto(address(lesson.id, i + 1));
      const bar = page.getByRole('complementary', { name: lesson.steps[i].title });
      await expect(bar).toBeVisible({ timeout: 30_000 });
      await expect(bar).toContainText(`step ${i + 1} of ${total}`);
    }
  });
}

test('presenter keys: Home, End, a number and Enter, Space, Back, and Escape back to the lesson bar', async ({ page }) => {
  const lesson = BUILTIN_LESSONS[0];
  const total = lesson.steps.length;
  await page.goto(address(lesson.id, 1, '&present=1'));
  await expectStep(page, lesson.steps[0].title, 1, total);
  await page.keyboard.press('End');
  await expectStep(page, lesson.steps[total - 1].title, total, total);
  await page.keyboard.press('Home');
  await expectStep(page, lesson.steps[0].title, 1, total);
  await page.keyboard.press('4');
  await expect(page.getByText('Go to step 4: press Enter')).toBeVisible();
  await page.keyboard.press('Enter');
  await expectStep(page, lesson.steps[3].title, 4, total);
  await page.keyboard.press(' ');
  await expectStep(page, lesson.steps[4].title, 5, total);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, lesson.steps[3].title, 4, total);
  // Every step is a history entry: Back returns to the one before.
  await page.goBack();
  await expectStep(page, lesson.steps[4].title, 5, total);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: lesson.steps[4].title })).toBeVisible();
  expect(new URL(page.url()).hash).toBe(`#lesson=${lesson.id}&step=5`);
});

test('the speaker-notes window follows the presenter and drives it', async ({ page, context }) => {
  const lesson = BUILTIN_LESSONS[0];
  const total = lesson.steps.length;
  await page.goto(address(lesson.id, 2, '&present=1'));
  await expectStep(page, lesson.steps[1].title, 2, total);
  const notes = await context.newPage();
  await notes.goto(address(lesson.id, 2, '&notes=1'));
  const speaker = notes.getByTestId('speaker-notes');
  await expect(speaker.getByRole('heading', { level: 1, name: lesson.steps[1].title })).toBeVisible();
  await expect(speaker.getByRole('region', { name: 'Next step' })).toContainText(lesson.steps[2].title);
  if (lesson.steps[1].notes) await expect(speaker).toContainText(lesson.steps[1].notes.slice(0, 40));

  await page.bringToFront();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, lesson.steps[2].title, 3, total);
  await expect(speaker.getByRole('heading', { level: 1, name: lesson.steps[2].title })).toBeVisible();

  await speaker.getByRole('link', { name: 'Next →' }).click();
  await expect(speaker.getByRole('heading', { level: 1, name: lesson.steps[3].title })).toBeVisible();
  await expectStep(page, lesson.steps[3].title, 4, total);
});

test('a lesson link that names no lesson or no such step says so and keeps the page', async ({ page }) => {
  await page.goto('./#m=3,0;4,5');
  await expect(page.getByRole('table', { name: 'Singular values' })).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#lesson=no-such-lesson&step=1'));
  await expect(page.getByRole('alert')).toContainText('There is no lesson called "no-such-lesson".');
  await page.evaluate(() => (window.location.hash = '#lesson=svd-rotate-scale-rotate&step=99'));
  await expect(page.getByRole('alert').last()).toContainText('has steps 1 to 7; the link asks for step "99"');
  await expect(page.getByRole('textbox', { name: 'Entry row 1, column 1' })).toHaveValue('3');
});

test('a lesson of one\'s own: views recorded as steps, captioned, reordered, presented, and shared as a link and a file that open in a fresh browser', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto('./#m=3,0;4,5');
  await expect(page.getByRole('table', { name: 'Singular values' })).toBeVisible();
  await page.getByRole('button', { name: '+ Lesson step' }).click();
  await expect(page.getByText('Added as step 1 of your lesson.')).toBeVisible();
  await page.goto('./#p=embeddings&view=cloud&r=2');
  await expect(page.getByRole('heading', { name: /Word embeddings, 3000 words/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '+ Lesson step' }).click();
  await expect(page.getByText('Added as step 2 of your lesson.')).toBeVisible();

  await page.goto('./#my-lesson');
  await page.getByRole('textbox', { name: 'Title', exact: true }).first().fill('Week 3: low rank');
  const step = (n: number) => page.getByRole('group', { name: `Step ${n}` });
  await step(1).getByRole('textbox', { name: 'Caption' }).fill('The circle becomes an ellipse: $\\sigma_1 \\ge \\sigma_2$.');
  await step(2).getByRole('textbox', { name: 'Caption' }).fill('Rows are words; $k = 2$ keeps a plane of meaning.');
  await expect(step(1).locator('.katex').first()).toBeVisible();
  await page.getByRole('button', { name: 'Move step 2 up' }).click();
  await expect(step(1).getByRole('textbox', { name: 'Title' })).toHaveValue(/Word embeddings/);
  await expect(step(2).getByRole('textbox', { name: 'Caption' })).toHaveValue(/ellipse/);

  // Presented like any lesson.
  await page.getByRole('link', { name: 'Present' }).click();
  const presenter = page.getByTestId('presenter');
  await expect(presenter.getByText('Rows are words;')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('ArrowRight');
  await expect(presenter.getByText('The circle becomes an ellipse:')).toBeVisible();
  await page.keyboard.press('Escape');

  // Shared as one link, opened in a browser that has never seen it.
  await page.goto('./#my-lesson');
  await page.getByRole('button', { name: 'Copy a link to this lesson' }).click();
  const link = await page.getByTestId('lesson-link').inputValue();
  expect(link).toMatch(/#lesson=week-3-low-rank&step=1&data=[A-Za-z0-9_-]+$/);
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto(link);
  const bar = other.locator('.lesson-bar');
  await expect(bar).toContainText('Week 3: low rank');
  await expect(bar).toContainText('Rows are words;');
  await bar.getByRole('link', { name: 'Next →' }).click();
  await expect(bar).toContainText('The circle becomes an ellipse');
  await expect(other.getByRole('table', { name: 'Singular values' })).toContainText('6.70820');

  // And as a .json file, opened from the editor of that other browser.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as .json' }).click();
  const file = await (await downloading).path();
  await other.goto('./#my-lesson');
  await other.getByTestId('lesson-file-input').setInputFiles(file);
  await expect(other.locator('.lesson-bar')).toContainText('Rows are words;');

  // A file with anything the schema does not know is refused, and nothing changes.
  await other.goto('./#my-lesson');
  await other.getByTestId('lesson-file-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ id: 'x', title: 'x', summary: 'x', steps: [], onload: 'alert(1)' })) });
  await expect(other.getByRole('alert')).toContainText('This lesson file could not be opened');
  await expect(other.getByRole('alert')).toContainText('unknown field "onload"');
  await elsewhere.close();
});
