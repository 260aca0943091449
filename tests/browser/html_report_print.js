// Browser test of csc-report --format html (issue 15, "must show"): a four-year
// quarterly series with published comparisons, opened in Debian's chromium
// (headless, driven by playwright-core) at 1123 x 794 CSS px (A4 landscape) and
// at 1400 px, and printed to PDF (A4 landscape). Fails when an element's box
// reaches past the page's width, when a chart has no axis title on either axis,
// or when the page makes any request other than for the file itself.
// Screenshots and the PDF are written to OUT_DIR for a person to look at.
//
// Usage: node html_report_print.js CSC_SYNTH CSC_REPORT DFE_DIR OUT_DIR
// Skipped (exit status 77, CTest SKIP_RETURN_CODE) only when chromium is absent;
// CHROMIUM names another executable.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [synth, report, dfe, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node html_report_print.js CSC_SYNTH CSC_REPORT DFE_DIR OUT_DIR');
  process.exit(2);
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.log(`SKIP: no chromium at ${chromium} (install Debian's chromium: bash .ci/install-deps)`);
  process.exit(77);
}
const { chromium: launcher } = require('playwright-core');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

// The report: synthetic returns for 2019-20 to 2023-24, a quarterly series over the
// four financial years 2020-21 to 2023-24 with rates, a target and DfE's comparisons.
const data = path.join(out, 'synth');
execFileSync(synth, ['--children', '3000', '--first-year', '2019', '--years', '5', '--out', data]);
const page_file = path.join(out, 'report.html');
const returns = [2020, 2021, 2022, 2023, 2024].flatMap((y) => ['--cin-census', path.join(data, `cin_census_${y}.xml`)]);
execFileSync(report, [...returns, '--series', 'quarterly', '--from', '2020-04-01', '--to', '2024-03-31',
  '--benchmarks', dfe, '--la', '335', '--population-file',
  path.join(dfe, 'ons_mid-year_population_estimates_2012_to_2024.csv'), '--target', 'rereferral_percent=20',
  '--format', 'html', '--output', page_file]);
const url = 'file://' + path.resolve(page_file);

// Every element whose box reaches past the page's width (1 px of rounding allowed),
// the charts without an axis title on each axis, and the page's scroll width.
function inspect() {
  const width = document.documentElement.clientWidth;
  const overflowing = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 1 || r.left < -1) {
      const name = e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class') : '');
      overflowing.push(`${name} [${Math.round(r.left)}, ${Math.round(r.right)}] "${(e.textContent || '').trim().slice(0, 40)}"`);
    }
  }
  const charts = [...document.querySelectorAll('svg')];
  const untitled = charts
    .filter((svg) => !['x', 'y'].every((a) => {
      const t = svg.querySelector(`text.axis-title.${a}`);
      return t && t.textContent.trim() !== '';
    }))
    .map((svg) => svg.getAttribute('data-measure') || '(svg)');
  return { width, scrollWidth: document.documentElement.scrollWidth, overflowing, charts: charts.length, untitled };
}

(async () => {
  const failures = [];
  const profile = fs.mkdtempSync(path.join(out, 'profile-'));
  const browser = await launcher.launchPersistentContext(profile, {
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1123, height: 794 },
  });
  try {
    const views = [
      { name: 'a4-landscape-1123', width: 1123, height: 794 },
      { name: 'wide-1400', width: 1400, height: 900 },
    ];
    for (const v of views) {
      const page = await browser.newPage();
      const requests = [];
      page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
      await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
      await page.setViewportSize({ width: v.width, height: v.height });
      await page.goto(url, { waitUntil: 'load' });
      const got = await page.evaluate(inspect);
      const shot = path.join(out, `report-${v.name}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`${v.name}: ${got.charts} charts, page ${got.width} px, scroll width ${got.scrollWidth} px; ${shot}`);
      if (got.charts === 0) failures.push(`${v.name}: no chart`);
      if (got.scrollWidth > got.width + 1) failures.push(`${v.name}: the page scrolls sideways (${got.scrollWidth} > ${got.width} px)`);
      for (const o of got.overflowing.slice(0, 20)) failures.push(`${v.name}: overflows the page width: ${o}`);
      for (const m of got.untitled) failures.push(`${v.name}: chart ${m} has no title on each axis`);
      if (v.name.startsWith('a4')) {
        // Printed: A4 landscape less 10 mm margins is 1047 CSS px wide.
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 1047, height: 718 });
        const printed = await page.evaluate(inspect);
        for (const o of printed.overflowing.slice(0, 20)) failures.push(`print: overflows the page width: ${o}`);
        await page.emulateMedia({ media: 'screen' });
        const pdf = path.join(out, 'report.pdf');
        await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true });
        const pages = (fs.readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
        console.log(`print: ${pages} A4 landscape pages; ${pdf}`);
        if (pages === 0) failures.push('print: the PDF has no page');
      }
      for (const r of requests) failures.push(`${v.name}: the page requested ${r}`);
      if (v.name.startsWith('wide')) {
        // The checks themselves: a box past the page's edge and a request to the network are seen.
        await page.evaluate(() => {
          const d = document.createElement('div');
          d.style.width = '3000px';
          d.textContent = 'too wide';
          document.body.appendChild(d);
          const i = document.createElement('img');
          i.src = 'http://example.invalid/x.png';
          document.body.appendChild(i);
        });
        await page.waitForTimeout(200);
        const planted = await page.evaluate(inspect);
        if (!planted.overflowing.some((o) => o.includes('too wide'))) failures.push('self-check: a 3000 px box was not seen');
        if (!requests.some((r) => r.startsWith('http://example.invalid/'))) failures.push('self-check: a request was not seen');
      }
      await page.close();
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error('html_report_print: ' + failures.length + ' problem(s)\n  ' + failures.join('\n  '));
    process.exit(1);
  }
  console.log('html_report_print: no overflow, every chart has axis titles, no network request');
})().catch((e) => {
  console.error('html_report_print: ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});
