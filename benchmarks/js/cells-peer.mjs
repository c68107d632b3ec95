// TileDB's JavaScript client (@tiledb-inc/tiledb-cloud 1.0.8) reading or writing int64 cells with its TileDBQuery,
// for CellsWorkloads.java (workloads 10 and 11), the same cells as CellsProbe.java: dense, a = i at d = i (the
// attribute alone sent and read); sparse, d = 2i and a = i (coordinates sent and read).
// Usage: node cells-peer.mjs <baseUrl> <apiKey> <read|write> <dense|sparse> <namespace> <array> <warmArray> <n>
//        <bufferBytes> <fragmentCells>
// A read takes pages of bufferBytes (ReadQuery's bufferSize) and checks every a; a write sends fragments of
// fragmentCells cells (WriteQuery each). A warm-up of 10,000 cells runs first (a read of the array's first cells, a
// write into warmArray). Prints "timing" and "timed" around the timed run, then "<elapsed ms> <peak resident set bytes> <cells> <process CPU ns>".
import pkg from "@tiledb-inc/tiledb-cloud";
import axios from "axios";
const TileDBQuery = pkg.TileDBQuery;

const [basePath, apiKey, mode, kind, namespace, array, warmArray, nText, bufferText, fragmentText] =
  process.argv.slice(2);
const dense = kind === "dense";
// The client's axios (0.21) sends through follow-redirects, which refuses a request body over 10 MB (a write of
// 1,000,000 sparse cells is 16 MB). TileDBQuery's constructor takes an axios but does not use it (it keeps
// this.axios, never set, so the global one serves): the global one's limit is lifted instead.
axios.defaults.maxBodyLength = Infinity;
axios.defaults.maxContentLength = Infinity;
const query = new TileDBQuery({ apiKey, basePath: basePath + "/v2" });

async function read(name, n) {
  let cells = 0;
  const request = {
    layout: "row-major",
    ranges: [[0, dense ? n - 1 : 2 * (n - 1)]],
    bufferSize: Number(bufferText),
    attributes: dense ? ["a"] : ["d", "a"],
  };
  for await (const page of query.ReadQuery(namespace, name, request)) {
    const a = page.a;
    for (let i = 0; i < a.length; i++) {
      if (Number(a[i]) !== cells + i) throw new Error(`cell ${cells + i} holds a = ${a[i]}`);
    }
    cells += a.length;
  }
  return cells;
}

async function write(name, n) {
  const fragment = Number(fragmentText);
  let written = 0;
  for (let from = 0; from < n; from += fragment) {
    const size = Math.min(fragment, n - from);
    const a = new Array(size);
    for (let i = 0; i < size; i++) a[i] = from + i;
    const values = { a: { values: a } };
    if (dense) {
      await query.WriteQuery(namespace, name, { layout: "row-major", values, subarray: [[from, from + size - 1]] });
    } else {
      const d = new Array(size);
      for (let i = 0; i < size; i++) d[i] = 2 * (from + i);
      await query.WriteQuery(namespace, name, { layout: "unordered", values: { d: { values: d }, ...values } });
    }
    written += size;
  }
  return written;
}

const n = Number(nText);
const run = mode === "read" ? read : write;
const warm = Math.min(10000, n);
const warmed = await run(mode === "read" ? array : warmArray, warm);
if (warmed !== warm) throw new Error(`the warm-up moved ${warmed} cells, not ${warm}`);
// the harness takes its own (the emulator's) CPU time between these two lines
process.stdout.write("timing\n");
const cpu = process.cpuUsage();
const started = process.hrtime.bigint();
const cells = await run(array, n);
const millis = Number(process.hrtime.bigint() - started) / 1e6;
const used = process.cpuUsage(cpu);
process.stdout.write("timed\n");
if (cells !== n) throw new Error(`${cells} cells moved, ${n} expected`);
console.log(`${millis} ${process.resourceUsage().maxRSS * 1024} ${cells} ${(used.user + used.system) * 1000}`);
