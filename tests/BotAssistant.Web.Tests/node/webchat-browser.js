// Opens the Web Chat page in Debian's chromium (no browser download) on a phone-sized screen, asks a question in
// Chinese, clicks a suggested action and waits for the answer. Usage:
// node webchat-browser.js <pageUrl> <chromium> <screenshot.png> <question> <actionTitle> <expectedText>
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [pageUrl, executablePath, screenshot, question, actionTitle, expected] = process.argv.slice(2);

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'botassistant-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN'
  });
  const errors = [];
  const page = context.pages()[0] || (await context.newPage());
  try {
    page.on('pageerror', error => errors.push(String(error)));
    page.on('response', response => {
      if (response.request().method() === 'POST' && response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
    await page.goto(pageUrl);
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.waitFor({ timeout: 30000 });
    const placeholder = await input.getAttribute('placeholder');
    // On a loaded CI machine the send box can take keys before Web Chat has wired it up: type until the text
    // is really there, and send until the question shows in the transcript.
    const action = page.locator('.webchat__suggested-action', { hasText: actionTitle }).first();
    for (let attempt = 0; ; attempt++) {
      await input.fill('');
      await input.pressSequentially(question);
      if ((await input.inputValue()) !== question) await input.fill(question);
      await page.locator('.webchat__send-button').click();
      try {
        await action.waitFor({ timeout: 20000 });
        break;
      } catch (error) {
        const sent = await page.locator('.webchat__bubble', { hasText: question }).count();
        if (sent > 0 || attempt >= 2) {
          if (sent > 0) await action.waitFor({ timeout: 30000 });
          else throw error;
          break;
        }
      }
    }
    const buttons = await page.locator('.webchat__suggested-action').allInnerTexts();
    const cards = await page.locator('.ac-adaptiveCard').count();
    await action.click();
    const answer = page.getByText(expected).last();
    await answer.waitFor({ timeout: 30000 });
    const answerText = await answer.innerText();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: screenshot, fullPage: false });
    process.stdout.write(JSON.stringify({ placeholder, buttons, cards, answer: answerText, scrollWidth: width, errors }));
  } catch (error) {
    // The screenshot and the visible text say more about a failure than a timeout does.
    await page.screenshot({ path: screenshot }).catch(() => {});
    const text = await page.locator('body').innerText().catch(() => '');
    throw new Error(`${error.message}\npage errors: ${errors.join('; ')}\npage text: ${text}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), error => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
