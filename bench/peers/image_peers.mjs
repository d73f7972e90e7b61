#!/usr/bin/env node
// image_peers.mjs — image preparation for a rerank call (decode JPEG/PNG + EXIF orientation +
// downscale so the longest edge is <= 1024 px + encode JPEG q85): Vitrine (WASM and native)
// beside npm peer libraries, on the same photos, in one run.
//
//   node image_peers.mjs [PHOTO_DIR=../../photos]
//
// Environment (optional): PEERS_PHOTOS (the folder), PEERS_IMAGE_RUNS (5; timed runs per
// photo for the fast engines), PEERS_IMAGE_SLOW_RUNS (3; jSquash and jimp),
// PEERS_IMAGE_ENGINES (a comma-separated subset of the engine names below).
//
// Each engine runs in child processes of its own: one times every photo (median of the
// runs, after one warm-up on the first photo) and writes its last output JPEG; a second
// prepares only the largest photo once and reports its peak RSS (getrusage maxRSS) and,
// for WebAssembly engines, the size of every WebAssembly.Memory it instantiated (memory only
// grows, so the final size is the peak). Native Vitrine is timed by build/bin/vitrine_image_bench
// (no process start in the timings), its outputs come from `vitrine resize`, and its peak RSS
// is the VmHWM of vitrine_image_bench on the largest photo.
// Quality: PSNR over RGB of each output (decoded by sharp) against a reference made by sharp
// from a full decode (no shrink-on-load), lanczos3, straight to the output's size.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { runChild } from './run_child.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const maxEdge = 1024;
const quality = 85;
const runs = Number(process.env.PEERS_IMAGE_RUNS || 5);
const slowRuns = Number(process.env.PEERS_IMAGE_SLOW_RUNS || 3);
const nativeBuild = resolve(root, process.env.VITRINE_NATIVE_BUILD ?? 'build');

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const log = (...args) => console.error('[image]', ...args);
const packageVersion = (name) => JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;

// The output size every engine aims for: longest edge <= maxEdge, aspect kept, never upscaled.
function fitInside(width, height) {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

// ---------------------------------------------------------------------------------------
// WebAssembly memory accounting: every Memory an instance exports or imports is remembered.
const wasmMemories = new Set();
function track(instance, imports) {
  for (const value of Object.values(instance?.exports ?? {})) if (value instanceof WebAssembly.Memory) wasmMemories.add(value);
  for (const module of Object.values(imports ?? {})) {
    for (const value of Object.values(module ?? {})) if (value instanceof WebAssembly.Memory) wasmMemories.add(value);
  }
}
const wasmBytes = () => [...wasmMemories].reduce((sum, memory) => sum + memory.buffer.byteLength, 0);
function hookWebAssembly() {
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (source, imports) {
    const result = await instantiate.call(WebAssembly, source, imports);
    track(result instanceof WebAssembly.Instance ? result : result.instance, imports);
    return result;
  };
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(Instance, {
    construct(target, args) {
      const instance = Reflect.construct(target, args);
      track(instance, args[1]);
      return instance;
    },
  });
}

// ---------------------------------------------------------------------------------------
// Engines: each setup() returns prepare(bytes, isPng) -> Promise<{ bytes, width, height }>.

const wasmFromDisk = (path) => WebAssembly.compile(readFileSync(join(here, 'node_modules', path)));

const engines = {
  'vitrine-wasm': {
    label: 'Vitrine WASM prepareImage',
    slow: false,
    async setup() {
      const { init } = await import('../../wasm/js/index.js');
      const vitrine = await init({ wasm: readFileSync(join(root, 'wasm/dist/vitrine_core.wasm')) });
      return async (bytes) => vitrine.prepareImage(bytes, { maxEdge, quality });
    },
    version: () => `vitrine ${JSON.parse(readFileSync(join(root, 'wasm/package.json'), 'utf8')).version}`,
  },
  sharp: {
    label: 'sharp (default: JPEG shrink-on-load)',
    slow: false,
    async setup() {
      const { default: sharp } = await import('sharp');
      sharp.cache(false); // no result reuse between runs of the same photo
      return async (bytes) => {
        const { data, info } = await sharp(bytes).rotate()
          .resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#ffffff' }).jpeg({ quality }).toBuffer({ resolveWithObject: true });
        return { bytes: data, width: info.width, height: info.height };
      };
    },
    version: () => `sharp ${packageVersion('sharp')}`,
  },
  'sharp-full': {
    label: 'sharp (full decode)',
    slow: false,
    async setup() {
      const { default: sharp } = await import('sharp');
      sharp.cache(false);
      // A pipeline colour space turns shrink-on-load off (fastShrinkOnLoad: false still
      // decodes JPEGs at 1/2 scale here); sRGB in, sRGB through: the pixels are unchanged.
      return async (bytes) => {
        const { data, info } = await sharp(bytes).rotate().pipelineColourspace('srgb')
          .resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#ffffff' }).jpeg({ quality }).toBuffer({ resolveWithObject: true });
        return { bytes: data, width: info.width, height: info.height };
      };
    },
    version: () => `sharp ${packageVersion('sharp')}`,
  },
  jsquash: {
    label: 'jSquash (@jsquash/jpeg + png + resize)',
    slow: true,
    async setup() {
      // The .wasm files come from disk and are passed in (no fetch in Node).
      const { default: decodeJpeg, init: initJpegDecode } = await import('@jsquash/jpeg/decode.js');
      const { default: encodeJpeg, init: initJpegEncode } = await import('@jsquash/jpeg/encode.js');
      const { default: decodePng, init: initPngDecode } = await import('@jsquash/png/decode.js');
      const { default: resize, initResize } = await import('@jsquash/resize');
      await initJpegDecode(await wasmFromDisk('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm'));
      await initJpegEncode(await wasmFromDisk('@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm'));
      await initPngDecode(await wasmFromDisk('@jsquash/png/codec/pkg/squoosh_png_bg.wasm'));
      await initResize(await wasmFromDisk('@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm'));
      return async (bytes, isPng) => {
        // preserveOrientation: true applies the EXIF orientation (PNG: none is read).
        const decoded = isPng ? await decodePng(bytes) : await decodeJpeg(bytes, { preserveOrientation: true });
        const [width, height] = fitInside(decoded.width, decoded.height);
        const small = width === decoded.width ? decoded : await resize(decoded, { width, height }); // lanczos3, linear RGB
        return { bytes: new Uint8Array(await encodeJpeg(small, { quality })), width, height };
      };
    },
    version: () => ['jpeg', 'png', 'resize'].map((p) => `@jsquash/${p} ${packageVersion(`@jsquash/${p}`)}`).join(', '),
  },
  jimp: {
    label: 'jimp',
    slow: true,
    async setup() {
      const { Jimp } = await import('jimp');
      return async (bytes) => {
        const image = await Jimp.read(Buffer.from(bytes)); // applies the EXIF orientation
        if (Math.max(image.bitmap.width, image.bitmap.height) > maxEdge) image.scaleToFit({ w: maxEdge, h: maxEdge });
        return { bytes: await image.getBuffer('image/jpeg', { quality }), width: image.bitmap.width, height: image.bitmap.height };
      };
    },
    version: () => `jimp ${packageVersion('jimp')}`,
  },
};

// ---------------------------------------------------------------------------------------
// Children.

async function timeChild(engine, photos, outDir) {
  const spec = engines[engine];
  const prepare = await spec.setup();
  const count = spec.slow ? slowRuns : runs;
  const first = readFileSync(photos[0].path);
  await prepare(first, photos[0].png); // warm-up: compile, JIT
  const result = {};
  for (const photo of photos) {
    const bytes = readFileSync(photo.path);
    const times = [];
    let out;
    for (let run = 0; run < count; run++) {
      const start = performance.now();
      out = await prepare(bytes, photo.png);
      times.push(performance.now() - start);
    }
    const file = join(outDir, `${photo.name}.jpg`);
    writeFileSync(file, out.bytes);
    result[photo.name] = { ms: median(times), runs: count, width: out.width, height: out.height, file };
    log(`${engine} ${photo.name}: ${median(times).toFixed(0)} ms`);
  }
  return result;
}

async function memoryChild(engine, photo) {
  hookWebAssembly();
  const prepare = await engines[engine].setup();
  const bytes = readFileSync(photo.path);
  const afterInit = { rss: process.memoryUsage().rss, wasm: wasmBytes() };
  await prepare(bytes, photo.png);
  return { maxRss: process.resourceUsage().maxRSS * 1024, rssAfterInit: afterInit.rss, wasmAfterInit: afterInit.wasm,
    wasm: wasmBytes(), wasmMemories: wasmMemories.size };
}

const runEngine = (args) => runChild([fileURLToPath(import.meta.url), ...args], '[image]');

// ---------------------------------------------------------------------------------------
// Native Vitrine.

function nativeTimes(photos) {
  const bench = join(nativeBuild, 'bin/vitrine_image_bench');
  const stdout = execFileSync(bench, photos.map((p) => p.path), { encoding: 'utf8' });
  const [header, ...lines] = stdout.trim().split('\n');
  const columns = header.trim().split(/\s+/);
  const msAt = columns.indexOf('ms');
  if (msAt < 0) throw new Error(`cannot read vitrine_image_bench's table: ${header}`);
  const times = {};
  for (const line of lines) {
    const cells = line.trim().split(/\s+/);
    const photo = photos.find((p) => p.file === cells[0]);
    if (photo) times[photo.name] = Number(cells[msAt]);
  }
  for (const photo of photos) if (!(photo.name in times)) throw new Error(`vitrine_image_bench printed no row for ${photo.file}`);
  return times;
}

function nativeOutputs(photos, outDir) {
  const cli = join(nativeBuild, 'bin/vitrine');
  const result = {};
  for (const photo of photos) {
    const file = join(outDir, `${photo.name}.jpg`);
    execFileSync(cli, ['resize', photo.path, file, '--max-edge', String(maxEdge), '--quality', String(quality)], { stdio: 'ignore' });
    result[photo.name] = { file };
  }
  return result;
}

// Peak RSS of a native process: its VmHWM (a high-water mark), polled until it exits.
function nativePeakRss(photo) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(join(nativeBuild, 'bin/vitrine_image_bench'), [photo.path], { stdio: 'ignore' });
    let peak = 0;
    const poll = () => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peak = Math.max(peak, Number(match[1]) * 1024);
      } catch { /* exited */ }
    };
    const timer = setInterval(poll, 5);
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(timer);
      resolveRun({ maxRss: peak });
    });
  });
}

// ---------------------------------------------------------------------------------------
// Quality.

async function rgb(sharp, input, options) {
  const { data, info } = await sharp(input, options).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function psnr(a, b) {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  const mse = sum / a.length;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

// ---------------------------------------------------------------------------------------

async function listPhotos(dir) {
  const { default: sharp } = await import('sharp');
  const files = readdirSync(dir).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort();
  if (!files.length) throw new Error(`no JPEG or PNG photos in ${dir} (scripts/fetch-photos.sh ${dir})`);
  const photos = [];
  for (const file of files) {
    const meta = await sharp(join(dir, file)).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const [width, height] = turned ? [meta.height, meta.width] : [meta.width, meta.height];
    photos.push({ file, name: file.replace(/\.[^.]+$/, ''), path: join(dir, file), png: meta.format === 'png', width, height,
      megapixels: (width * height) / 1e6, bytes: readFileSync(join(dir, file)).length, format: meta.format,
      progressive: !!meta.isProgressive, orientation: meta.orientation ?? 1 });
  }
  return photos;
}

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function main() {
  const dir = resolve(process.argv[2] ?? process.env.PEERS_PHOTOS ?? join(root, 'photos'));
  const photos = await listPhotos(dir);
  const largest = [...photos].sort((a, b) => b.megapixels - a.megapixels || b.bytes - a.bytes)[0];
  const wanted = process.env.PEERS_IMAGE_ENGINES ? process.env.PEERS_IMAGE_ENGINES.split(',') : ['vitrine-wasm', 'native', ...Object.keys(engines).filter((e) => e !== 'vitrine-wasm')];
  const work = mkdtempSync(join(tmpdir(), 'vitrine-image-peers-'));
  const { default: sharp } = await import('sharp');
  sharp.cache(false);
  try {
    const results = {};
    for (const engine of wanted) {
      const outDir = join(work, engine);
      mkdirSync(outDir);
      log(`running ${engine} ...`);
      try {
        if (engine === 'native') {
          if (!existsSync(join(nativeBuild, 'bin/vitrine_image_bench'))) throw new Error(`${nativeBuild}/bin/vitrine_image_bench is missing (scripts/build-native.sh)`);
          const times = nativeTimes(photos);
          const outputs = nativeOutputs(photos, outDir);
          const perPhoto = Object.fromEntries(photos.map((p) => [p.name, { ms: times[p.name], runs: 5, file: outputs[p.name].file }]));
          results[engine] = { label: 'Vitrine native (vitrine_image_bench)', perPhoto, memory: await nativePeakRss(largest) };
          continue;
        }
        // Children get the photo list as JSON: they must not load sharp (its RSS) unless they run it.
        const timed = await runEngine(['--child', engine, '--time', JSON.stringify(photos), outDir]);
        if (timed.error) throw new Error(timed.error);
        const memory = await runEngine(['--child', engine, '--memory', JSON.stringify([largest])]);
        results[engine] = { label: engines[engine].label, perPhoto: timed.perPhoto, version: timed.version, memory };
      } catch (error) {
        log(`${engine} FAILED: ${error.message}`);
        results[engine] = { label: engines[engine]?.label ?? engine, failed: error.message };
      }
    }

    // Quality against one reference per photo and output size.
    const references = new Map();
    const reference = async (photo, width, height) => {
      const key = `${photo.name} ${width}x${height}`;
      if (!references.has(key)) {
        references.set(key, await rgb(sharp, await sharp(photo.path, { ignoreIcc: true }).rotate().pipelineColourspace('srgb')
          .resize({ width, height, fit: 'fill', kernel: 'lanczos3' }).flatten({ background: '#ffffff' }).png().toBuffer()));
      }
      return references.get(key);
    };
    for (const [engine, r] of Object.entries(results)) {
      if (r.failed) continue;
      for (const photo of photos) {
        const entry = r.perPhoto[photo.name];
        const jpeg = readFileSync(entry.file);
        entry.kb = jpeg.length / 1024;
        entry.chroma = (await sharp(jpeg).metadata()).chromaSubsampling;
        const out = await rgb(sharp, jpeg, { ignoreIcc: true });
        entry.width = out.width;
        entry.height = out.height;
        entry.psnr = psnr(out.data, (await reference(photo, out.width, out.height)).data);
        entry.mps = photo.megapixels / (entry.ms / 1000);
      }
      r.mps = median(photos.map((p) => r.perPhoto[p.name].mps));
      r.psnr = photos.reduce((sum, p) => sum + r.perPhoto[p.name].psnr, 0) / photos.length;
      r.kb = photos.reduce((sum, p) => sum + r.perPhoto[p.name].kb, 0) / photos.length;
      r.chroma = [...new Set(photos.map((p) => r.perPhoto[p.name].chroma))].join('/');
    }

    const base = results.jsquash?.mps;
    const sharpPsnr = results.sharp?.psnr;
    console.log(`## Image preparation: decode + EXIF orientation + resize to <= ${maxEdge} px + JPEG q${quality}, one photo at a time`);
    console.log(`${photos.length} photos in ${dir}: ${photos.map((p) => `${p.name} (${p.format}${p.progressive ? ', progressive' : ''}, ${p.width}×${p.height})`).join(', ')}`);
    console.log(`median of ${runs} runs a photo (${slowRuns} for jSquash and jimp); peak memory: the largest photo, ${largest.file}, prepared once in a fresh process`);
    console.log();
    console.log('| engine | MP/s (median over photos) | × jSquash | peak memory | PSNR dB (mean) | Δ PSNR vs sharp | output JPEG (mean) |');
    console.log('| --- | ---: | ---: | --- | ---: | ---: | --- |');
    for (const r of Object.values(results)) {
      if (r.failed) {
        console.log(`| ${r.label} | failed | – | – | – | – | ${r.failed.replaceAll('|', '/')} |`);
        continue;
      }
      const m = r.memory;
      let memory = m?.error ? `failed: ${m.error}` : `${mb(m.maxRss)} RSS`;
      if (m?.wasm) memory += ` (wasm ${mb(m.wasmAfterInit)} → ${mb(m.wasm)})`;
      const ratio = base ? `${(r.mps / base).toFixed(1)}×` : '–';
      const delta = sharpPsnr == null ? '–' : `${r.psnr - sharpPsnr >= 0 ? '+' : ''}${(r.psnr - sharpPsnr).toFixed(2)}`;
      console.log(`| ${r.label} | ${r.mps.toFixed(1)} | ${ratio} | ${memory} | ${r.psnr.toFixed(2)} | ${delta} | ${r.kb.toFixed(0)} KB, ${r.chroma} |`);
    }
    console.log();
    console.log('Per photo, ms (PSNR dB):');
    console.log();
    const ok = Object.values(results).filter((r) => !r.failed);
    console.log(`| photo | MP | ${ok.map((r) => r.label).join(' | ')} |`);
    console.log(`| --- | ---: | ${ok.map(() => '---:').join(' | ')} |`);
    for (const photo of photos) {
      console.log(`| ${photo.name} | ${photo.megapixels.toFixed(1)} | ${ok.map((r) => {
        const e = r.perPhoto[photo.name];
        return `${e.ms.toFixed(0)} (${e.psnr.toFixed(1)})`;
      }).join(' | ')} |`);
    }
    console.log();
    const versions = new Set(Object.keys(results).filter((e) => engines[e]).map((e) => engines[e].version()));
    console.log(`versions: node ${process.version}, ${[...versions].join(', ')}; sharp uses libvips ${sharp.versions.vips}, ${sharp.concurrency()} libvips thread(s) (its default here)`);
    const sizes = new Set(ok.map((r) => photos.map((p) => `${r.perPhoto[p.name].width}x${r.perPhoto[p.name].height}`).join(',')));
    if (sizes.size > 1) console.log('output sizes differ by rounding between engines; each output is compared with a reference of its own size');
    if (results['vitrine-wasm'] && results.native && !results['vitrine-wasm'].failed && !results.native.failed) {
      const same = photos.every((p) => readFileSync(results['vitrine-wasm'].perPhoto[p.name].file).equals(readFileSync(results.native.perPhoto[p.name].file)));
      console.log(same ? 'Vitrine WASM and native wrote byte-identical JPEGs for every photo.' : 'WARNING: Vitrine WASM and native JPEGs differ.');
      if (!same) process.exitCode = 1;
    }
    console.log(`PSNR reference: sharp, full decode, lanczos3, to each output's size; ${photos.some((p) => p.orientation !== 1) ? '' : 'no photo has an EXIF orientation other than 1; '}ICC profiles ignored when decoding.`);
    console.log('PSNR measures the whole pipeline: decoder, resize filter and JPEG encoder (chroma subsampling and size are in the last column).');
    if (Object.values(results).some((r) => r.failed)) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [, , , engine, mode, photosJson, outDir] = process.argv;
  const photos = JSON.parse(photosJson);
  const out = mode === '--time' ? { perPhoto: await timeChild(engine, photos, outDir) } : await memoryChild(engine, photos[0]);
  process.stdout.write(`${JSON.stringify(out)}\n`);
} else {
  await main();
}
