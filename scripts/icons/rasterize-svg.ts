import { chromium, type Browser } from '@playwright/test';

export interface SvgRasterizer {
  /** Renders the SVG onto a transparent square of `size` pixels and returns it as PNG. */
  render(svg: string, size: number): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Rasterizes with the system Chromium (the Debian package), so no browser is
 * downloaded and the result matches what Chromium-based shells draw.
 */
export async function createSvgRasterizer(executablePath: string): Promise<SvgRasterizer> {
  const browser: Browser = await chromium.launch({ executablePath, headless: true });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  return {
    async render(svg, size) {
      await page.setViewportSize({ width: size, height: size });
      const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">` +
          `<img src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      // Runs in the page; typed structurally because this Node-side file has no DOM library.
      await page
        .locator('img')
        .evaluate((image) => (image as unknown as { decode(): Promise<void> }).decode());
      return page.screenshot({
        type: 'png',
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
    },
    close: () => browser.close(),
  };
}
