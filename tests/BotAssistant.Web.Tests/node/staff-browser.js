// Walks the hotline staff pages as a person would (search → measure → compare → calculator) in headless
// chromium, saves a screenshot of each step, and prints what it saw as JSON for StaffBrowserTests to judge.
// Usage: node staff-browser.js <baseUrl> <screenshotDir> <chromiumPath>
'use strict';
const path = require('path');
const fs = require('fs');
const { chromium } = require('playwright-core');

async function main() {
  const [baseUrl, shots, executablePath] = process.argv.slice(2);
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const seen = { consoleErrors: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('console', m => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
    page.on('pageerror', e => seen.consoleErrors.push(String(e)));
    const shot = (name, fullPage = true) => page.screenshot({ path: path.join(shots, name), fullPage });

    // 1. Search: type the words a caller said, press Enter.
    await page.goto(`${baseUrl}/staff?asOf=2026-12-01`);
    await page.fill('input[name=q]', '稷山 场地租赁');
    await Promise.all([page.waitForNavigation(), page.press('input[name=q]', 'Enter')]);
    const rows = await page.$$eval('table.results tbody tr', trs => trs.map(tr => tr.dataset.id));
    seen.search = { rows, firstAmount: await page.textContent('table.results tbody tr td:nth-child(3)') };
    await shot('1-search.png');

    // 2. Measure: follow the first result; then the same page as it prints.
    await Promise.all([page.waitForNavigation(), page.click('table.results tbody tr:first-child td:first-child a')]);
    seen.measure = {
      url: page.url(),
      title: await page.textContent('h1'),
      headline: await page.textContent('#headline .big'),
      validity: await page.textContent('#validity'),
      shareUrl: await page.inputValue('#share-url'),
    };
    await shot('2-measure.png');
    await page.emulateMedia({ media: 'print' });
    seen.measure.navVisibleInPrint = await page.isVisible('header nav');
    await shot('2-measure-print.png');
    await page.emulateMedia({ media: 'screen' });

    // 3. Compare: choose 就业见习补贴 in the topic list.
    await page.goto(`${baseUrl}/staff/compare?asOf=2023-10-01`);
    await page.selectOption('select[name=topic]', 'jianxi');
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    seen.compare = {
      places: await page.$$eval('table.compare thead th', ths => ths.map(th => th.textContent)),
      bars: await page.$$eval('svg.chart g.bar text:first-child', ts => ts.map(t => t.textContent)),
    };
    await shot('3-compare.png');

    // 4. Calculator: pick pl-kuogang, answer four questions, leave the rest unknown.
    await page.goto(`${baseUrl}/staff/calculator?asOf=2023-10-01`);
    await page.selectOption('select[name=measure]', 'pl-kuogang');
    await Promise.all([page.waitForNavigation(), page.click('form:has(select[name=measure]) button')]);
    await page.selectOption('select[name="f.hired_group"]', 'graduate');
    await page.fill('input[name="f.contract_years"]', '1');
    await page.fill('input[name="f.social_insurance_months"]', '2');
    await page.fill('input[name="f.hired_count"]', '3');
    await Promise.all([page.waitForNavigation(), page.click('#facts button[type=submit]')]);
    seen.calculator = {
      status: await page.getAttribute('.result', 'data-status'),
      formula: await page.textContent('.result .formula'),
    };
    await shot('4-calculator.png');
  } finally {
    await browser.close();
  }

  process.stdout.write(JSON.stringify(seen));
}

main().catch(e => { console.error(e && e.stack || String(e)); process.exit(1); });
