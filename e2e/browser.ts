import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/chromium.js';

/** Real Chromium for end-to-end tests: the system's browser, never a downloaded one. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
}

/** Collects what a page reports as broken: console errors and uncaught exceptions. */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/**
 * The forms refuse a submit within 3 seconds of showing (a person cannot write a question that fast; bots do), so a
 * test that fills a form instantly waits as long as the quickest person would before it sends.
 */
export function writingTime(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 3_100));
}
