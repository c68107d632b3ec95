// TileDB's JavaScript client (@tiledb-inc/tiledb-cloud 1.0.8) driven through its array, user, organization and
// notebook calls against the emulator, for JsClientCompatTest.java, which seeds the emulator, records every exchange
// and checks them against the official spec.
// Usage: node compat.mjs <baseUrl> <aliceKey> <bobKey>
// Prints one JSON line per call: {"call": name, "status": HTTP status, "expected": status, "detail": ...}.
import pkg from "@tiledb-inc/tiledb-cloud";
const TileDBClient = pkg.default ?? pkg.TileDBClient ?? pkg;

const [basePath, aliceKey, bobKey] = process.argv.slice(2);
const alice = new TileDBClient({ apiKey: aliceKey, basePath });
const bob = new TileDBClient({ apiKey: bobKey, basePath });
const JSON_TYPE = "application/json";

/** Runs one call; prints what it answered; returns the answer's data (undefined when it failed). */
async function call(name, expected, fn, check) {
  let status;
  let data;
  let detail;
  try {
    const response = await fn();
    status = response.status;
    data = response.data;
    if (check) detail = check(data);
  } catch (e) {
    if (!e.response) throw e; // no answer at all: the test fails with the stack
    status = e.response.status;
    detail = e.response.data;
  }
  console.log(JSON.stringify({ call: name, status, expected, detail }));
  return data;
}

const schema = {
  arrayType: "sparse",
  domain: {
    type: "INT64", cellOrder: "row-major", tileOrder: "row-major",
    dimensions: [{ name: "rows", type: "INT64", nullTileExtent: false, domain: { int64: [1, 1000] },
                   tileExtent: { int64: 100 }, filterPipeline: { filters: [] } }],
  },
  attributes: [{ name: "a", type: "FLOAT64", cellValNum: 1, nullable: false, filterPipeline: { filters: [] } }],
  capacity: 10000, cellOrder: "row-major", tileOrder: "row-major", allowsDuplicates: false, version: [1, 3, 0],
  coordsFilterPipeline: { filters: [] }, offsetFilterPipeline: { filters: [] },
};

// ---- users and organizations
await call("userProfile", 200, () => alice.userProfile(), d => d.username);
await call("UserApi.getSession", 200, () => alice.UserApi.getSession());
await call("UserApi.getUserWithUsername", 200, () => alice.UserApi.getUserWithUsername("alice"));
await call("UserApi.tokensGet", 200, () => alice.UserApi.tokensGet());
await call("UserApi.tokensSessionGet", 200, () => alice.UserApi.tokensSessionGet());
await call("organizations", 200, () => alice.organizations(), d => d.map(o => o.name));
await call("organization", 200, () => alice.organization("acme"), d => d.name);
await call("OrganizationApi.getOrganizationUser", 200, () => alice.OrganizationApi.getOrganizationUser("acme", "bob"));

// ---- arrays: create, register, read, change, share, list
await call("ArrayApi.createArray", 204, () => alice.ArrayApi.createArray("alice", "made-by-js", JSON_TYPE, schema));
await call("ArrayApi.getArray", 200, () => alice.ArrayApi.getArray("alice", "made-by-js", JSON_TYPE), d => d.arrayType);
await call("registerArray", 200, () => alice.registerArray("alice", encodeURIComponent("s3://bucket/js/registered"),
  { name: "registered", description: "registered by the JavaScript client", tags: ["js"] }));
await call("info", 200, () => alice.info("alice", "registered"), d => d.tags);
await call("ArrayApi.updateArrayMetadata", 204,
  () => alice.ArrayApi.updateArrayMetadata("alice", "registered", { description: "changed", tags: [] }));
await call("info after an update with tags []", 200, () => alice.info("alice", "registered"),
  d => ({ description: d.description, tags: d.tags }));
await call("ArrayApi.getArraysInNamespace", 200, () => alice.ArrayApi.getArraysInNamespace("alice"), d => d.length);
await call("ArrayApi.getAllArrayMetadata", 200, () => alice.ArrayApi.getAllArrayMetadata(), d => d.length);
await call("shareArray", 204, () => alice.shareArray("alice", "registered", { namespace: "bob", actions: ["read"] }));
await call("listSharedWith", 200, () => alice.listSharedWith("alice", "registered"), d => d.map(s => s.namespace));
await call("listSharedWith by a reader", 404, () => bob.listSharedWith("alice", "registered"));
await call("shareArray by a reader", 404,
  () => bob.shareArray("alice", "registered", { namespace: "bob", actions: ["read", "write"] }));
await call("listArrays", 200, () => alice.listArrays(), d => d.pagination_metadata.total_items);
await call("listPublicArrays", 200, () => alice.listPublicArrays(), d => d.pagination_metadata.total_items);
await call("listSharedArrays by bob", 200, () => bob.listSharedArrays(), d => d.arrays.map(a => a.name));
await call("ArrayApi.arraysBrowserOwnedSidebarGet", 200, () => alice.ArrayApi.arraysBrowserOwnedSidebarGet());
await call("ArrayApi.arraysBrowserPublicSidebarGet", 200, () => alice.ArrayApi.arraysBrowserPublicSidebarGet());
await call("ArrayApi.arraysBrowserSharedSidebarGet", 200, () => bob.ArrayApi.arraysBrowserSharedSidebarGet());
await call("unshareArray", 204, () => alice.unshareArray("alice", "registered", "bob"));

// ---- arrays: what libtiledb and the console read
await call("ArrayApi.getArrayMetaDataJson", 200, () => alice.ArrayApi.getArrayMetaDataJson("alice", "registered"));
await call("ArrayApi.getArrayNonEmptyDomain", 200,
  () => alice.ArrayApi.getArrayNonEmptyDomain("alice", "registered", JSON_TYPE), d => d.isEmpty);
await call("ArrayApi.getArrayNonEmptyDomainJson", 200,
  () => alice.ArrayApi.getArrayNonEmptyDomainJson("alice", "registered"));
await call("ArrayApi.getArraySampleData", 200, () => alice.ArrayApi.getArraySampleData("alice", "registered", 3));
await call("ArrayApi.getArrayMaxBufferSizes", 200,
  () => alice.ArrayApi.getArrayMaxBufferSizes("alice", "made-by-js", "1,10", JSON_TYPE));
await call("ArrayApi.getFragmentEndTimestamp", 200, () => alice.ArrayApi.getFragmentEndTimestamp("alice", "registered"));
await call("ArrayApi.arraysNamespaceArrayEndTimestampsGet", 200,
  () => alice.ArrayApi.arraysNamespaceArrayEndTimestampsGet("alice", "registered"));
const events = await call("arrayActivity", 200, () => alice.arrayActivity("alice", "registered"),
  d => d.map(e => e.action));
await call("ArrayApi.getActivityLogById", 200,
  () => alice.ArrayApi.getActivityLogById("alice", "registered", events[events.length - 1].id), d => d.action);
await call("ArrayApi.getLastAccessedArrays", 200, () => alice.ArrayApi.getLastAccessedArrays(), d => d.length);
await call("info of an array that does not exist", 404, () => alice.info("alice", "no-such-array"));

// ---- notebooks
// the client makes no NotebooksApi of its own: one from the package's generated v1 API, on the client's settings
const notebooks = new pkg.v1.NotebooksApi(alice.config);
await call("NotebooksApi.notebooksNamespaceArrayEndTimestampsGet", 200,
  () => notebooks.notebooksNamespaceArrayEndTimestampsGet("alice", "analysis"), d => d.pagination_metadata);
await call("renameNotebook", 204, () => alice.renameNotebook("alice", "analysis", "analysis-renamed"));
await call("info of the renamed notebook", 200, () => alice.info("alice", "analysis-renamed"), d => d.file_type);
await call("NotebookApi.getNotebookServerStatus", 200, () => alice.NotebookApi.getNotebookServerStatus("alice"));

// ---- removal
await call("deregisterArray", 204, () => alice.deregisterArray("alice", "registered"));
await call("ArrayApi.deleteArray", 204, () => alice.ArrayApi.deleteArray("alice", "made-by-js", JSON_TYPE));
