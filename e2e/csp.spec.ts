/**
 * The Content-Security-Policy of the production build (docs/reliability.md): it is in force (as the
 * header `vite preview` sends and as the <meta> the build injects), a session through every kind of
 * view, a file and the scene raises no violation, and the page makes no request the person did not
 * ask for: only the app's own origin and the URL they typed.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LinearMapPage } from './pages';
import { startRangeServer, type RangeServer } from './rangeServer';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
    __inlineScriptRan?: boolean;
  }
}

/** Collects CSP violations two ways: the console (page and workers) and `securitypolicyviolation` events. */
async function recordViolations(page: Page) {
  const messages: string[] = [];
  const onMessage = (text: string) => {
    if (/Content Security Policy/i.test(text)) messages.push(text);
  };
  page.on('console', (message) => onMessage(message.text()));
  page.on('pageerror', (error) => onMessage(error.message));
  page.on('worker', (worker) => worker.on('console', (message) => onMessage(message.text())));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    window.addEventListener(
      'securitypolicyviolation',
      (event) => window.__cspViolations!.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample }),
      true,
    );
  });
  return {
    messages,
    events: () => page.evaluate(() => window.__cspViolations ?? []),
  };
}

/** Injects an inline <script> the way an XSS would; true if it ran. */
function inlineScriptRuns(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    window.__inlineScriptRan = false;
    const script = document.createElement('script');
    script.textContent = 'window.__inlineScriptRan = true;';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return window.__inlineScriptRan;
  });
}

/** The steps of a session: start page, matrix (map, cloud, heatmaps, a PNG export), attention, a file. */
async function session(page: Page) {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Matrix and tensor decompositions, seen as geometry' })).toBeVisible();

  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
  // WebGL draws (three.js needs no eval), and KaTeX's style="…" attributes apply: a strut has its height.
  await expect.poll(() => app.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.01);
  await expect(page.locator('.katex').first()).toBeVisible();
  const strutHeight = await page.locator('.katex .katex-strut[style], .katex .strut[style]').first().evaluate((element) => element.getBoundingClientRect().height);
  expect(strutHeight).toBeGreaterThan(0);

  const views = page.getByRole('radiogroup', { name: 'View' });
  await views.getByRole('radio', { name: 'Point cloud' }).click();
  await expect(page.getByRole('img', { name: 'Point cloud scene' })).toBeVisible();
  await expect.poll(() => app.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.005);
  await views.getByRole('radio', { name: 'Heatmaps' }).click();
  const heatmaps = page.getByRole('img', { name: /^A, A_k \(k = \d+\) and A − A_k$/ });
  await expect(heatmaps).toBeVisible();
  // The heatmaps are data: PNGs (img-src data:); exporting one as PNG draws it through a blob: URL (img-src blob:).
  await expect(heatmaps.locator('image').first()).toHaveAttribute('href', /^data:image\/png;base64,/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).first().click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);

  await page.goto('./#w=attention');
  await expect(page.getByTestId('attention-rank')).toBeVisible();

  await app.open('#m=3,0;4,5');
  await page.getByTestId('file-input').setInputFiles(fixture('small.npy'));
  await expect(page.getByText('2 × 3, computed in the worker')).toBeVisible();
  await expect.poll(() => app.sigmaTexts()).toEqual(['3.00000', '2.23607']);
}

test.describe('Content-Security-Policy', () => {
  test('is in force, as the header and as the meta element, with no eval and no inline script', async ({ page }) => {
    const violations = await recordViolations(page);
    const response = await page.goto('./');
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self'");
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).not.toContain('unsafe-eval');
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("default-src 'none'");
    expect(meta).not.toContain('frame-ancestors'); // a meta policy ignores it, and Chromium says so on the console
    expect(header).toBe(`${meta}; frame-ancestors 'none'`);

    expect(await inlineScriptRuns(page)).toBe(false);
    // From a task of the page's own (code evaluated by Playwright itself is exempt from the policy).
    const evalResult = await page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          setTimeout(() => {
            try {
              resolve(String(new Function('return "ran"')()));
            } catch (error) {
              resolve((error as Error).name);
            }
          }, 0),
        ),
    );
    expect(evalResult).toBe('EvalError');
    // The recorder sees what the policy blocked, so the session test below cannot pass by not listening.
    // (Each is reported once per policy: the header's and the meta element's.)
    const distinct = async () => [...new Set((await violations.events()).map((v) => `${v.directive} ${v.blockedURI}`))].sort();
    await expect.poll(distinct).toEqual(['script-src eval', 'script-src-elem inline']);
    expect(violations.messages.length).toBeGreaterThanOrEqual(2);
  });

  test('the meta element alone enforces it (a host that sends no header)', async ({ page }) => {
    await page.route(
      (url) => url.pathname.endsWith('/') || url.pathname.endsWith('/index.html'),
      async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers['content-security-policy'];
        await route.fulfill({ response, headers });
      },
    );
    const response = await page.goto('./');
    expect(response?.headers()['content-security-policy']).toBeUndefined();
    await expect(page.getByRole('heading', { name: 'Matrix and tensor decompositions, seen as geometry' })).toBeVisible();
    expect(await inlineScriptRuns(page)).toBe(false);
  });

  test('a session through the views, the attention workspace and a file raises no violation', async ({ page }) => {
    const violations = await recordViolations(page);
    await session(page);
    // Give late reports (a worker's console, a deferred style) a moment to arrive.
    await page.waitForTimeout(300);
    expect(await violations.events()).toEqual([]);
    expect(violations.messages).toEqual([]);
  });
});

test.describe('network', () => {
  let server: RangeServer | null = null;
  test.afterEach(async () => {
    await server?.close();
    server = null;
  });

  test('the page requests only its own origin and the URL the person typed', async ({ page, baseURL }) => {
    server = await startRangeServer({ 'data/wide.npy': readFileSync(fixture('wide.npy')) });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await session(page);

    const typed = server.url('data/wide.npy');
    await page.getByLabel('URL of a file').fill(typed);
    await page.getByRole('button', { name: 'Open from URL' }).click();
    await expect(page.getByText('60 × 50, computed in the worker')).toBeVisible();

    const own = new URL(baseURL!).origin;
    // data: and blob: URLs are the page's own bytes (heatmaps, exports), not network requests.
    const elsewhere = requested.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== own && url !== typed);
    expect(elsewhere).toEqual([]);
    expect(requested).toContain(typed); // worker requests are seen, so the check above is not vacuous
    expect(requested.filter((url) => new URL(url).origin === own).length).toBeGreaterThan(3);
    expect(server.requests.map((r) => r.path)).toEqual(server.requests.map(() => '/data/wide.npy'));
    expect(server.requests.length).toBeGreaterThan(0);
  });
});
