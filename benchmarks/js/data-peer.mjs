// TileDB's JavaScript client (@tiledb-inc/tiledb-cloud) reading the data plane of the same emulator, for
// DataPlaneWorkloads.java: `sql` runs the benchmark's SQL (client.sql.exec), `query` sends its JSON query
// (v1 QueryApi.submitQueryJson). Both hand over the whole answer parsed, as the client does.
// Usage: node data-peer.mjs <baseUrl> <apiKey> <sql|query> <namespace> <array> <n>
// Prints "<elapsed ms> <peak resident set bytes> <rows>" (startup and a 1,000-row warm-up excluded from the time).
import pkg from "@tiledb-inc/tiledb-cloud";
const TileDBClient = pkg.default ?? pkg.TileDBClient ?? pkg;
const v1 = pkg.v1;

const [baseUrl, apiKey, mode, namespace, array, n] = process.argv.slice(2);
const client = new TileDBClient({ apiKey, basePath: baseUrl });
// the client has no query call of its own: its generated v1 API, on the client's configuration (basePath + /v1)
const queryApi = new v1.QueryApi(client.config);

async function read(rows) {
  if (mode === "sql") {
    const response = await client.sql.exec(namespace, `select id, v, s from \`tiledb://${namespace}/${array}\` limit ${rows}`);
    return response.data.length;
  }
  const response = await queryApi.submitQueryJson(namespace, array, "application/json", {
    query_ranges: { layout: "row-major", ranges: [[0, rows - 1]] },
  });
  return response.data.id.length;
}

const warm = await read(1000);
if (warm !== 1000) throw new Error("the warm-up read " + warm + " rows");
const started = process.hrtime.bigint();
const rows = await read(Number(n));
const millis = Number(process.hrtime.bigint() - started) / 1e6;
if (rows !== Number(n)) throw new Error("read " + rows + " rows, expected " + n);
console.log(millis + " " + process.resourceUsage().maxRSS * 1024 + " " + rows);
