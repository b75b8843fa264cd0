// Screenshots of whole conversations in the Web Chat page, in Debian's chromium (no browser download), at desktop
// or phone width. Each scenario gets a freshly loaded page (a new conversation); each turn types `say` in the send
// box and waits until a bot activity after it matches the regex `expect`. Usage:
// node webchat-screens.js <pageUrl> <chromium> <outDir> <desktop|phone> '<[{"name":..,"turns":[{"say":..,"expect":..}]}]>'
// Prints {screens:[{name, file, lastText, overflow}], errors:[...], scrollWidth}; screenshots are
// <outDir>/webchat-<name>-<viewport>.png. A failed scenario is listed in errors (with its page text) and the others
// still run, so one slow answer does not hide the rest.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [pageUrl, executablePath, outDir, viewportName, scenariosJson] = process.argv.slice(2);

const viewports = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
};

// In-page helpers, installed before Web Chat loads. Web Chat keeps text for screen readers next to what is shown
// ("机器人 助 说:", a hidden copy of the suggested actions): only text a person can see counts.
function installHelpers() {
  function hiddenIn(element, root, cache) {
    for (let e = element; e && e !== root.parentElement; e = e.parentElement) {
      if (cache.has(e)) return cache.get(e);
      const style = getComputedStyle(e);
      // An element with display: contents has no box of its own, yet its children show.
      const box = style.display === 'contents' ? null : e.getBoundingClientRect();
      if ((box && box.width <= 1 && box.height <= 1) || style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0' ||
          e.classList.contains('webchat__keyboard-help')) {
        cache.set(element, true);
        return true;
      }
    }
    cache.set(element, false);
    return false;
  }

  function blockOf(element) {
    for (let e = element; e; e = e.parentElement) {
      if (!getComputedStyle(e).display.startsWith('inline')) return e;
    }
    return null;
  }

  // The bot's activities after the last one from the user.
  function answer() {
    const activities = Array.from(document.querySelectorAll('.webchat__basic-transcript__activity'));
    let last = -1;
    activities.forEach((activity, index) => {
      if (activity.querySelector('.webchat__stacked-layout--from-user, .webchat__bubble--from-user')) last = index;
    });
    return { question: activities[last], answer: activities.slice(last + 1) };
  }

  window.botTextAfterLastUser = () => {
    const cache = new Map();
    let text = '';
    for (const activity of answer().answer) {
      let block = null;
      const walker = document.createTreeWalker(activity, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim() || hiddenIn(node.parentElement, activity, cache)) continue;
        const nodeBlock = blockOf(node.parentElement);
        if (block && nodeBlock !== block) text += '\n';
        block = nodeBlock;
        text += node.textContent;
      }
      text += '\n';
    }
    return text.trim();
  };

  // Visible elements in the chat sticking out past the window's right edge, or scrolling sideways inside
  // themselves: the page's own scrollWidth misses these because the transcript clips them.
  window.overflowing = () => {
    const cache = new Map();
    const width = document.documentElement.clientWidth;
    const root = document.getElementById('webchat');
    const found = [];
    for (const element of root.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const sideways = element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1 &&
        /(auto|scroll)/.test(getComputedStyle(element).overflowX);
      if ((box.right > width + 1 || box.left < -1 || sideways) && !hiddenIn(element, root, cache)) {
        const classes = typeof element.className === 'string' ? element.className.trim().split(/\s+/).filter(Boolean) : [];
        found.push(`${[element.tagName.toLowerCase(), ...classes].join('.')} left=${Math.round(box.left)} right=${Math.round(box.right)} ` +
          `scrollWidth=${element.scrollWidth} clientWidth=${element.clientWidth}`);
        if (found.length >= 10) break;
      }
    }
    return found;
  };
}

async function say(page, text) {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.waitFor({ timeout: 30000 });
  const sent = page.locator('.webchat__bubble--from-user', { hasText: text });
  const before = await sent.count();
  // On a loaded CI machine the send box can take keys before Web Chat has wired it up: type until the text is
  // really there, and send until the message shows in the transcript.
  for (let attempt = 0; ; attempt++) {
    await input.fill('');
    await input.pressSequentially(text);
    if ((await input.inputValue()) !== text) await input.fill(text);
    await page.locator('.webchat__send-button').click();
    try {
      await page.waitForFunction(([t, n]) =>
        Array.from(document.querySelectorAll('.webchat__bubble--from-user')).filter(b => b.innerText.includes(t)).length > n,
        [text, before], { timeout: 10000 });
      return;
    } catch (error) {
      if (attempt >= 2) throw new Error(`the message "${text}" never showed in the transcript: ${error.message}`);
    }
  }
}

async function runScenario(context, scenario, errors) {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', error => pageErrors.push(String(error)));
  page.on('response', response => {
    if (response.request().method() === 'POST' && response.status() >= 400) pageErrors.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', message => { if (message.type() === 'error') pageErrors.push(message.text()); });
  const file = path.join(outDir, `webchat-${scenario.name}-${viewportName}.png`);
  try {
    await page.goto(pageUrl);
    let lastText = '';
    for (const turn of scenario.turns) {
      await say(page, turn.say);
      const expect = turn.expect;
      await page.waitForFunction(source => new RegExp(source).test(window.botTextAfterLastUser()),
        expect, { timeout: 45000, polling: 250 });
      lastText = await page.evaluate(() => window.botTextAfterLastUser());
    }
    // Let Web Chat finish laying out the last activity (images, card columns, suggested actions).
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => window.overflowing());
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    // The transcript scrolls inside a page as tall as the window: make the window tall enough for the whole
    // conversation (the width stays), so the picture has the full answer, card and buttons.
    const extra = await page.evaluate(() => {
      const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
      return scroller ? scroller.scrollHeight - scroller.clientHeight : 0;
    });
    if (extra > 0) {
      const size = page.viewportSize();
      await page.setViewportSize({ width: size.width, height: Math.min(size.height + extra + 40, 8000) });
      await page.waitForTimeout(300);
      await page.evaluate(() => {
        const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
        if (scroller) scroller.scrollTop = 0;
      });
      await page.waitForTimeout(200);
    }
    await page.screenshot({ path: file, fullPage: false });
    return { name: scenario.name, file, lastText, overflow, scrollWidth };
  } catch (error) {
    await page.screenshot({ path: file }).catch(() => {});
    const text = await page.locator('body').innerText().catch(() => '');
    errors.push(`${scenario.name}: ${error.message.split('\n')[0]}\npage text: ${text}`);
    return null;
  } finally {
    for (const e of pageErrors) errors.push(`${scenario.name}: ${e}`);
    await page.close().catch(() => {});
  }
}

async function main() {
  const settings = viewports[viewportName];
  if (!settings) throw new Error(`viewport must be desktop or phone, not ${viewportName}`);
  const scenarios = JSON.parse(scenariosJson);
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'botassistant-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    ...settings,
    locale: 'zh-CN'
  });
  await context.addInitScript(installHelpers);
  const errors = [];
  const screens = [];
  let scrollWidth = 0;
  try {
    const blank = context.pages()[0];
    for (const scenario of scenarios) {
      const screen = await runScenario(context, scenario, errors);
      if (screen) {
        scrollWidth = Math.max(scrollWidth, screen.scrollWidth);
        delete screen.scrollWidth;
        screens.push(screen);
      }
    }
    if (blank) await blank.close().catch(() => {});
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify({ screens, errors, scrollWidth }));
}

main().then(() => process.exit(0), error => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
