// Headless Debian Chromium driven by playwright-core (npm browser downloads don't work here).
// Every request that would leave the machine is refused: the Playground's page asks CDNs for fonts.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export async function openLoopbackOnlyPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 2, locale: 'en-US' });
  await page.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' || hostname === 'localhost' ? route.continue() : route.abort('blockedbyclient');
  });
  return page;
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return `${ARTIFACTS_DIR}${name}`;
}

/**
 * A screenshot of one card, whole: the chat pane scrolls, so a card taller than the window would be cut.
 * The window grows to fit the card first, then shrinks back.
 */
export async function screenshotCard(page: Page, card: Locator, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const box = await card.boundingBox();
  const needed = Math.ceil((box?.height ?? 0) + 400);
  if (needed > viewport.height) await page.setViewportSize({ width: viewport.width, height: needed });
  await card.scrollIntoViewIfNeeded();
  // No hover highlight from the last click, and the page done drawing (fonts loaded, two frames later).
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
  await card.screenshot({ path: artifactPath(name) });
  await page.setViewportSize(viewport);
}

/**
 * What a user gets by selecting a chat message whole and copying it (Ctrl+C): the page's own copy into the
 * clipboard, read back. The message is found by its first and last lines as they show in the chat, once the
 * page shows it (the bot's answer can arrive before the page has drawn it).
 */
export async function copyMessageText(page: Page, firstLine: string, lastLine: string): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  const bubble = await page.waitForFunction(
    ([first, last]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.textContent?.trim() !== first || !n.parentElement) continue;
        // The smallest element holding the whole message: the message bubble.
        let e: HTMLElement = n.parentElement;
        while (e.parentElement && !e.innerText.includes(last!)) e = e.parentElement;
        if (e.innerText.includes(last!)) return e;
      }
      return false;
    },
    [firstLine, lastLine] as const,
    { timeout: 20_000 },
  );
  return bubble.evaluate(async (element) => {
    const range = document.createRange();
    range.selectNodeContents(element as Node);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    document.execCommand('copy');
    selection.removeAllRanges();
    return navigator.clipboard.readText();
  });
}
