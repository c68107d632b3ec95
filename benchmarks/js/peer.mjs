// TileDB's JavaScript client (@tiledb-inc/tiledb-cloud) calling `info` on the same emulator, for Benchmarks.java.
// Usage: node peer.mjs <baseUrl> <apiKey> <namespace> <array> <calls> <concurrency>
// Prints the elapsed milliseconds of the calls (startup excluded) as one number.
import pkg from "@tiledb-inc/tiledb-cloud";
const TileDBClient = pkg.default ?? pkg.TileDBClient ?? pkg;

const [baseUrl, apiKey, namespace, array, calls, concurrency] = process.argv.slice(2);
const client = new TileDBClient({ apiKey, basePath: baseUrl });
const total = Number(calls);
let next = 0;
async function worker() {
  while (next < total) {
    next++;
    const response = await client.info(namespace, array);
    if (response.data.name !== array) throw new Error("unexpected answer " + JSON.stringify(response.data));
  }
}
await client.info(namespace, array); // connection and first-call warm-up
const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
console.log(Number(process.hrtime.bigint() - started) / 1e6);
