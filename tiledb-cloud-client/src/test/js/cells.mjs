// TileDB's JavaScript client (@tiledb-inc/tiledb-cloud 1.0.8) writing and reading cells with its TileDBQuery, the
// independent implementation JsCellsCrossCheckTest.java checks our Java client against.
// Usage: node cells.mjs <baseUrl> <apiKey> write <namespace> <array> <json: {layout, subarray?, columns: {name: [values]}}>
//        node cells.mjs <baseUrl> <apiKey> read <namespace> <array> <json: {layout, ranges, bufferSize}>
// A write prints {"status": ...}; a read prints one JSON line per page: {"page": {name: [values]}} (64-bit integers
// as text, so no digit is lost).
import pkg from "@tiledb-inc/tiledb-cloud";
const TileDBQuery = pkg.TileDBQuery;

const [basePath, apiKey, mode, namespace, array, json] = process.argv.slice(2);
// TileDBQuery takes the v2 base path and derives the v1 one from it (for the schema it reads first)
const query = new TileDBQuery({ apiKey, basePath: basePath + "/v2" });
const request = JSON.parse(json);
const text = (key, value) => (typeof value === "bigint" ? value.toString() : value);

if (mode === "write") {
  // TileDBQuery takes a string column as its values joined, with byte offsets, and a nullable one with validity
  const values = {};
  for (const [name, column] of Object.entries(request.columns)) {
    const nulls = column.some((v) => v === null);
    const validity = nulls ? column.map((v) => (v === null ? 0 : 1)) : undefined;
    if (typeof column.find((v) => v !== null) === "string") {
      const offsets = [];
      let at = 0;
      for (const v of column) {
        offsets.push(at);
        at += new TextEncoder().encode(v ?? "").length;
      }
      values[name] = { values: column.map((v) => v ?? ""), offsets, ...(validity ? { validity } : {}) };
    } else {
      values[name] = { values: column.map((v) => v ?? 0), ...(validity ? { validity } : {}) };
    }
  }
  const answer = await query.WriteQuery(namespace, array, {
    layout: request.layout,
    values,
    ...(request.subarray ? { subarray: request.subarray } : {}),
  });
  console.log(JSON.stringify({ status: answer.status }, text));
} else {
  for await (const page of query.ReadQuery(namespace, array, request)) {
    console.log(JSON.stringify({ page }, text));
  }
}
