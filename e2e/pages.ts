/** Page object for the linear-map workspace: every lookup by role and accessible name. */
import { expect, type Locator, type Page } from '@playwright/test';

export class LinearMapPage {
  constructor(readonly page: Page) {}

  async open(hash = '') {
    await this.page.goto(`./${hash}`);
    await expect(this.singularValues()).toBeVisible();
  }

  singularValues(): Locator {
    return this.page.getByRole('table', { name: 'Singular values' });
  }

  /** The sigma column of the table, as text. */
  async sigmaTexts(): Promise<string[]> {
    return this.singularValues().locator('tbody tr td:nth-of-type(1)').allTextContents();
  }

  cell(row: number, col: number): Locator {
    return this.page.getByRole('textbox', { name: `Entry row ${row}, column ${col}` });
  }

  stepSlider(): Locator {
    return this.page.getByRole('slider', { name: 'Animation step' });
  }

  canvas(): Locator {
    return this.page.locator('canvas');
  }

  /** A coarse picture of the canvas (16 x 16 mean brightness cells), to compare two views. */
  async canvasSignature(): Promise<number[]> {
    return this.canvas().evaluate((canvas: HTMLCanvasElement) => {
      const copy = document.createElement('canvas');
      copy.width = 16;
      copy.height = 16;
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0, 16, 16);
      const { data } = context.getImageData(0, 0, 16, 16);
      const cells: number[] = [];
      for (let k = 0; k < data.length; k += 4) cells.push((data[k] + data[k + 1] + data[k + 2]) / 3);
      return cells;
    });
  }

  /** Share of canvas pixels that differ from the background colour: proof that WebGL drew. */
  async drawnFraction(): Promise<number> {
    return this.canvas().evaluate((canvas: HTMLCanvasElement) => {
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0);
      const { data } = context.getImageData(0, 0, copy.width, copy.height);
      const [r0, g0, b0] = [data[0], data[1], data[2]];
      let differing = 0;
      for (let k = 0; k < data.length; k += 4) {
        if (Math.abs(data[k] - r0) + Math.abs(data[k + 1] - g0) + Math.abs(data[k + 2] - b0) > 30) differing++;
      }
      return differing / (data.length / 4);
    });
  }
}
