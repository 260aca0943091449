// The WebAssembly page (examples/csc-report-web, built by its build.sh) in Debian's chromium, driven by
// playwright-core: opened from file://, two census returns set as input files, a quarterly series run;
// the figures read off the page (the report's tables) and the downloaded HTML, CSV and JSON compared with
// the native csc-report built from the same tree. Fails on any network request after load, any console
// error, any figure that differs. Then: a malformed return (csc-report's message next to the file),
// Cancel, and an LA-sized input (four yearly returns, about 3,500 referrals each) timed: under 3 s.
// Screenshots go to OUT_DIR.
//
// Usage: node web_page.mjs PAGE NATIVE_CSC_REPORT CENSUS_DIR OUT_DIR [LA_DIR]
//   CENSUS_DIR: tests/e2e/census; LA_DIR: a folder of cin_census_*.xml (csc-synth), optional.
import {chromium} from 'playwright-core';
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const [pagePath, native, censusDir, outDir, laDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node web_page.mjs PAGE NATIVE_CSC_REPORT CENSUS_DIR OUT_DIR [LA_DIR]');
  process.exit(2);
}
fs.mkdirSync(outDir, {recursive: true});
const failures = [];
const fail = (what) => { failures.push(what); console.log('FAIL ' + what); };
const nativeRun = (cwd, args) => spawnSync(native, args, {cwd, encoding: 'utf8', maxBuffer: 1 << 28});

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-web-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium', headless: true, acceptDownloads: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] || await context.newPage();
const pageUrl = pathToFileURL(path.resolve(pagePath)).href;
let loaded = false;
const requests = [];
const record = (r) => {
  if (!loaded) return;
  const url = r.url();
  // blob: URLs are this page's own memory (the worker's source, the downloads); anything else is a request.
  requests.push(url);
  if (!url.startsWith('blob:')) fail('request after load: ' + url);
};
context.on('request', record);
page.on('console', (m) => { if (m.type() === 'error') fail('console error: ' + m.text()); });
page.on('pageerror', (e) => fail('page error: ' + e.message));
page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') fail('worker console error: ' + m.text()); }));
await page.goto(pageUrl, {waitUntil: 'load'});
loaded = true;
const privateText = await page.textContent('#private');
if (!/Nothing leaves this machine/.test(privateText)) fail('the page does not say that nothing leaves the machine');

async function runReport(files, {series, from, to, period}) {
  await page.evaluate(() => { for (const b of document.querySelectorAll('#files button')) b.click(); });
  await page.setInputFiles('#pick', files);
  await page.check(`input[name=mode][value=${series ? 'series' : 'period'}]`);
  if (series) await page.selectOption('#series', series);
  await page.fill('#period', period || '');
  await page.fill('#from', from || '');
  await page.fill('#to', to || '');
  const t0 = Date.now();
  await page.click('#run');
  await page.waitForFunction(() => ['done', 'failed', 'cancelled'].includes(document.body.dataset.state),
    null, {timeout: 600000});
  const wall = (Date.now() - t0) / 1000;
  const state = await page.evaluate(() => ({...document.body.dataset}));
  return {wall, state};
}
async function download(format) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#dl-' + format)]);
  return fs.readFileSync(await d.path(), 'utf8');
}
// Every number in two JSON documents, key by key.
function compareJson(a, b, where, out) {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    out.push(`${where}: ${JSON.stringify(a)} against ${JSON.stringify(b)}`);
  } else if (a && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) compareJson(a[k], b[k], where + '.' + k, out);
  } else if (a !== b) {
    out.push(`${where}: ${a} against ${b}`);
  }
  return out;
}
// The text of every table cell of the report shown in the page (inside the sandboxed iframe).
const cellsOf = (frame) => frame.locator('th, td').allTextContents();
async function nativeCells(html) {
  const other = await context.newPage();
  await other.setContent(html.replace(/<meta http-equiv[^>]*>/i, ''));
  const cells = await other.locator('th, td').allTextContents();
  await other.close();
  return cells;
}

async function compareWithNative(label, cwd, args, {checkCells}) {
  const want = {};
  for (const format of ['html', 'json', 'csv']) {
    const r = nativeRun(cwd, [...args, '--format', format]);
    if (r.status !== 0) fail(`${label}: native csc-report failed: ${r.stderr}`);
    want[format] = r.stdout;
  }
  const got = {html: await download('html'), json: await download('json'), csv: await download('csv')};
  for (const format of ['html', 'csv']) {
    if (got[format] !== want[format]) fail(`${label}: the downloaded ${format.toUpperCase()} differs from native csc-report's`);
  }
  const diffs = compareJson(JSON.parse(got.json), JSON.parse(want.json), 'json', []);
  for (const d of diffs.slice(0, 10)) fail(`${label}: downloaded JSON differs from native at ${d}`);
  if (got.json !== want.json && !diffs.length) fail(`${label}: downloaded JSON bytes differ from native`);
  let cells = 0;
  if (checkCells) {
    const shown = await cellsOf(page.frameLocator('#report'));
    const expected = await nativeCells(want.html);
    cells = shown.length;
    if (shown.length === 0) fail(`${label}: no figures shown in the page`);
    if (JSON.stringify(shown) !== JSON.stringify(expected)) {
      const i = shown.findIndex((c, k) => c !== expected[k]);
      fail(`${label}: figures shown differ from native: cell ${i}: ${shown[i]} against ${expected[i]}`);
    }
  }
  return {cells, numbers: JSON.stringify(JSON.parse(got.json)).match(/-?\d+(\.\d+)?(e[-+]?\d+)?/g).length};
}

// 1. Two census returns, a quarterly series.
const two = ['return_2019_20.xml', 'return_2020_21.xml'];
const spec = {series: 'quarterly', from: '2019-04-01', to: '2021-03-31'};
const r1 = await runReport(two.map((f) => path.join(censusDir, f)), spec);
if (r1.state.state !== 'done') fail('two returns: the run ended ' + r1.state.state + ': ' + await page.textContent('#general-error'));
await page.screenshot({path: path.join(outDir, 'web-two-returns.png'), fullPage: true});
const c1 = await compareWithNative('two returns, quarterly', censusDir,
  [...two.flatMap((f) => ['--cin-census', f]), '--series', 'quarterly', '--from', spec.from, '--to', spec.to],
  {checkCells: true});
console.log(`two returns, quarterly: ${c1.cells} table cells and ${c1.numbers} JSON numbers as native; ` +
  `report ${r1.state.reportSeconds} s, all three formats ${r1.state.totalSeconds} s`);

// 1b. A CSV extract against the bundled DfE tables (LA 335 and its neighbours), as the e2e case
// series_benchmarks_walsall: the page passes --benchmarks with the bundled copy of tests/e2e/dfe.
const e2eDir = path.dirname(path.resolve(censusDir));
await page.fill('#la', '335');
await page.check('#benchmarks');
const rb = await runReport([path.join(e2eDir, 'small_cp_plans.csv')], {series: 'fy', from: '2012-04-01', to: '2016-03-31'});
if (rb.state.state !== 'done') fail('DfE benchmarks: the run ended ' + rb.state.state + ': ' + await page.textContent('#general-error'));
const role = await page.locator('#files tbody tr select').first().inputValue();
if (role !== 'cp-plans') fail('small_cp_plans.csv read as ' + role);
await page.screenshot({path: path.join(outDir, 'web-benchmarks.png'), fullPage: true});
const cb = await compareWithNative('DfE benchmarks', e2eDir, ['--cp-plans', 'small_cp_plans.csv', '--series', 'fy',
  '--from', '2012-04-01', '--to', '2016-03-31', '--benchmarks', 'dfe', '--la', '335'], {checkCells: true});
console.log(`CSV extract with the bundled DfE tables, LA 335: ${cb.cells} table cells as native`);
await page.fill('#la', '');
await page.uncheck('#benchmarks');

// 2. A malformed return: csc-report's message, next to the file.
const r2 = await runReport([path.join(censusDir, 'corrupt_return.xml')], {period: '2020-21'});
const wantErr = nativeRun(censusDir, ['--cin-census', 'corrupt_return.xml', '--period', '2020-21']).stderr.trim();
const shownErr = (await page.locator('#files tbody tr').first().locator('.error').textContent()).trim();
if (r2.state.state !== 'failed') fail('malformed return: the run ended ' + r2.state.state);
if (!wantErr || shownErr !== wantErr) fail(`malformed return: shown ${JSON.stringify(shownErr)}, native ${JSON.stringify(wantErr)}`);
else console.log('malformed return: csc-report\'s message shown next to the file: ' + shownErr.split('\n')[0]);
await page.screenshot({path: path.join(outDir, 'web-malformed.png'), fullPage: true});

// 3. The LA-sized input, timed; then Cancel.
if (laDir) {
  const returns = fs.readdirSync(laDir).filter((f) => /^cin_census_\d+\.xml$/.test(f)).sort();
  const years = returns.map((f) => Number(f.match(/\d+/)[0]));
  const la = {series: 'quarterly', from: `${years[0] - 1}-04-01`, to: `${years[years.length - 1]}-03-31`};
  const mb = returns.reduce((s, f) => s + fs.statSync(path.join(laDir, f)).size, 0) / 1e6;
  const r3 = await runReport(returns.map((f) => path.join(laDir, f)), la);
  if (r3.state.state !== 'done') fail('LA-sized: the run ended ' + r3.state.state);
  // A progress bar per file, each read to the end (5 MB files: five 1 MiB chunks, five messages).
  const bars = await page.$$eval('#files progress', (ps) => ps.map((p) => p.value));
  if (bars.length !== returns.length || bars.some((v) => v !== 1)) fail('LA-sized: progress bars ' + JSON.stringify(bars));
  await page.screenshot({path: path.join(outDir, 'web-la-sized.png')});
  const c3 = await compareWithNative('LA-sized', laDir,
    [...returns.flatMap((f) => ['--cin-census', f]), '--series', 'quarterly', '--from', la.from, '--to', la.to],
    {checkCells: true});
  const t = Number(r3.state.reportSeconds);
  console.log(`LA-sized (${returns.length} returns, ${mb.toFixed(1)} MB): report shown in ${t} s, ` +
    `HTML+JSON+CSV in ${r3.state.totalSeconds} s (${c3.cells} cells as native; WebAssembly memory ${r3.state.memoryMb} MB)`);
  if (!(t < 3)) fail(`LA-sized: the report took ${t} s (limit 3 s)`);
  // Cancel: the worker is stopped, the page says so and can run again.
  await page.click('#run');
  await page.waitForFunction(() => document.body.dataset.state === 'running');
  await page.click('#cancel');
  const cancelled = await page.evaluate(() => document.body.dataset.state);
  if (cancelled !== 'cancelled' || await page.isDisabled('#run')) fail('Cancel did not stop the run');
  else console.log('Cancel: the run stopped, the page ready again');
}

await context.close();
fs.rmSync(userDataDir, {recursive: true, force: true});
console.log(`${requests.length} blob: URL load(s) after load (the worker, made from the page's own text), no other request`);
if (failures.length) {
  console.log(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log('the page gives native csc-report\'s figures; screenshots in ' + outDir);
