// The Web Worker of csc-report.html: runs csc-report (compiled to WebAssembly from
// examples/csc-report/main.cpp; the module's code is placed before this file by assemble.py, which
// defines cscReport) once per output format, on the chosen files, read lazily from the File objects
// (emscripten's WORKERFS) in chunks of 1 MiB, with the progress of every file posted to the page.
//
// Messages in: {type: 'run', files: [{file, name}], dfe: [{name, text}] | null, args: [...], formats: [...]}.
// Messages out: {type: 'progress', pass, index, loaded, total}, {type: 'result', format, status,
// stderr, text, ms, memoryBytes}, {type: 'done', ms}. Nothing here makes a request: no fetch, no import.
'use strict';
/* global cscReport */

const CHUNK = 1 << 20;

// WORKERFS reads each File slice by slice with FileReaderSync, as the program asks (a few KiB at a time);
// this reads 1 MiB at a time instead, keeps the last chunk, and reports how far each file has been read.
function chunkedRead(WORKERFS, onRead) {
  return function read(stream, buffer, offset, length, position) {
    const node = stream.node;
    if (position >= node.size) return 0;
    let done = 0;
    while (done < length && position + done < node.size) {
      const at = position + done;
      let c = node.cscChunk;
      if (!c || at < c.start || at >= c.start + c.bytes.length) {
        const start = at - (at % CHUNK);
        const bytes = new Uint8Array(WORKERFS.reader.readAsArrayBuffer(node.contents.slice(start, start + CHUNK)));
        c = node.cscChunk = {start, bytes};
        onRead(node, Math.min(node.size, start + bytes.length));
      }
      const from = at - c.start;
      const n = Math.min(length - done, c.bytes.length - from);
      buffer.set(c.bytes.subarray(from, from + n), offset + done);
      done += n;
    }
    return done;
  };
}

async function runOnce(msg, format, pass) {
  let stderr = '';
  const t0 = performance.now();
  const mod = await cscReport({
    print: () => {},
    printErr: (line) => { stderr += line + '\n'; },
    quit: (status, e) => { throw e; },
    preRun: [(m) => {
      const FS = m.FS;
      const WORKERFS = m.WORKERFS;
      const index = new Map(msg.files.map((f, i) => [f.name, i]));
      WORKERFS.stream_ops.read = chunkedRead(WORKERFS, (node, loaded) => {
        const i = index.get(node.name);
        if (i !== undefined) postMessage({type: 'progress', pass, index: i, loaded, total: node.size});
      });
      FS.mkdir('/in');
      FS.mount(WORKERFS, {blobs: msg.files.map((f) => ({name: f.name, data: f.file}))}, '/in');
      FS.mkdir('/out');
      if (msg.dfe) {
        FS.mkdir('/dfe');
        for (const f of msg.dfe) FS.writeFile('/dfe/' + f.name, f.text);
      }
      FS.chdir('/in');
    }],
  });
  let status = 0;
  const out = '/out/report.' + format;
  try {
    status = mod.callMain(msg.args.concat(['--format', format, '--output', out]));
  } catch (e) {
    if (e && e.name === 'ExitStatus') status = e.status;
    else { status = -1; stderr += String(e && e.stack || e) + '\n'; }
  }
  let text = null;
  if (status === 0) {
    try { text = mod.FS.readFile(out, {encoding: 'utf8'}); } catch (e) { stderr += 'no output: ' + e + '\n'; status = -1; }
  }
  // The WebAssembly memory the run grew to (it only grows): the figure for the limits in RESULTS.md.
  const memoryBytes = mod.HEAP8 ? mod.HEAP8.buffer.byteLength : 0;
  return {type: 'result', format, status, stderr, text, ms: performance.now() - t0, memoryBytes};
}

onmessage = async (ev) => {
  const msg = ev.data;
  if (msg.type !== 'run') return;
  const t0 = performance.now();
  for (let pass = 0; pass < msg.formats.length; ++pass) {
    const r = await runOnce(msg, msg.formats[pass], pass);
    postMessage(r);
    if (r.status !== 0) break;  // the same error for every format: shown once
  }
  postMessage({type: 'done', ms: performance.now() - t0});
};
