// Times csc-report's WebAssembly page (examples/csc-report-web) in Debian's chromium on the given CIN
// census returns (a single period or series as asked): the time until the report is shown and until the
// HTML, JSON and CSV are all ready, or how it failed. For benchmarks/RESULTS.md ("In the browser").
// Usage: node benchmarks/web_page_time.mjs PAGE ARGS_JSON FILE...
//   ARGS_JSON: e.g. '{"period": "2024-25"}' or '{"series": "quarterly", "from": "...", "to": "..."}'
import {createRequire} from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

// playwright-core as pinned for the browser tests (tests/browser/package-lock.json).
const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '../tests/browser/package.json'));
const {chromium} = require('playwright-core');
const [pagePath, spec, ...files] = process.argv.slice(2);
const opt = JSON.parse(spec);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-web-time-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] || await context.newPage();
await page.goto(pathToFileURL(path.resolve(pagePath)).href);
await page.setInputFiles('#pick', files);
await page.check(`input[name=mode][value=${opt.series ? 'series' : 'period'}]`);
if (opt.series) await page.selectOption('#series', opt.series);
await page.fill('#period', opt.period || '');
await page.fill('#from', opt.from || '');
await page.fill('#to', opt.to || '');
await page.click('#run');
await page.waitForFunction(() => ['done', 'failed'].includes(document.body.dataset.state), null, {timeout: 1800000});
const d = await page.evaluate(() => ({...document.body.dataset}));
const mb = files.reduce((s, f) => s + fs.statSync(f).size, 0) / 1e6;
const err = (await page.textContent('#general-error')) + (await page.locator('#files .error').allTextContents()).join(' ');
console.log(JSON.stringify({mb: Number(mb.toFixed(1)), state: d.state, report_s: d.reportSeconds,
  all_formats_s: d.totalSeconds, wasm_memory_mb: d.memoryMb, error: err.trim().slice(0, 300)}));
await context.close();
fs.rmSync(dir, {recursive: true, force: true});
