// TileDB's JavaScript client (@tiledb-inc/tiledb-cloud 1.0.8) driven through its array, user, organization, notebook,
// SQL, UDF, JSON query and task calls against the emulator, for JsClientCompatTest.java, which seeds the emulator
// (alice/prices holds cells), records every exchange and checks them against the official spec.
// Usage: node compat.mjs <baseUrl> <aliceKey> <bobKey> <python3|no-python3>
// (no-python3: the emulator cannot run UDFs here, so the calls that run one are left out)
// Prints one JSON line per call: {"call": name, "status": HTTP status, "expected": status, "detail": ...}.
import pkg from "@tiledb-inc/tiledb-cloud";
const TileDBClient = pkg.default ?? pkg.TileDBClient ?? pkg;

const [basePath, aliceKey, bobKey, python] = process.argv.slice(2);
const alice = new TileDBClient({ apiKey: aliceKey, basePath });
const bob = new TileDBClient({ apiKey: bobKey, basePath });
const JSON_TYPE = "application/json";

/**
 * Runs one call; prints what it answered (check picks the detail from the data and the whole answer); returns the
 * answer's data (undefined when it failed).
 */
async function call(name, expected, fn, check) {
  let status;
  let data;
  let detail;
  try {
    const response = await fn();
    status = response.status;
    data = response.data;
    if (check) detail = check(data, response);
  } catch (e) {
    if (!e.response) throw e; // no answer at all: the test fails with the stack
    status = e.response.status;
    detail = e.response.data;
  }
  console.log(JSON.stringify({ call: name, status, expected, detail }));
  details.set(name, detail);
  return data;
}

const details = new Map();
/** What an earlier call printed as its detail. */
function detail(name) {
  return details.get(name) ?? {};
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

// ---- SQL, JSON queries, UDFs and the tasks they leave (alice/prices: id 1..4, price, label)
const prices = "`tiledb://alice/prices`";
const taskId = response => response.headers["x-tiledb-cloud-task-id"];
await call("sql.exec", 200,
  () => alice.sql.exec("alice", `select id, price, label from ${prices} order by id`, { store_results: true }),
  (d, r) => ({ rows: d, task: taskId(r) }));
await call("sql.exec with parameters", 200,
  () => alice.sql.exec("alice", `select id from ${prices} where id > ? order by id`, { parameters: [2] }), d => d);
// Sql.exec decodes the answer as JSON: an Arrow stream is read through the client's SqlApi as bytes
await call("SqlApi.runSQL as arrow", 200,
  () => alice.sql.API.runSQL("alice", { query: `select id, price from ${prices} order by id`, result_format: "arrow" },
    undefined, { responseType: "arraybuffer" }),
  (d, r) => {
    const bytes = Buffer.from(d); // axios answers a Buffer in Node
    return { contentType: r.headers["content-type"], head: [...bytes.subarray(0, 4)], end: [...bytes.subarray(-8)],
             names: ["id", "price"].filter(n => bytes.includes(n)) };
  });
await call("sql.exec of an array that does not exist", 404,
  () => alice.sql.exec("alice", "select * from `tiledb://alice/no-such-array`"));
await call("sql.exec with bad SQL", 400, () => alice.sql.exec("alice", `selec id from ${prices}`));
const query = new pkg.v1.QueryApi(alice.config);
await call("QueryApi.submitQueryJson", 200,
  () => query.submitQueryJson("alice", "prices", JSON_TYPE,
    { query_ranges: { layout: "row-major", ranges: [[2, 3]] }, fields: ["id", "price"] }),
  (d, r) => ({ columns: d, task: taskId(r) }));

const ADD = "def add(x, y):\n    print('adding', x, y)\n    return x + y\n";
await call("udf.registerGenericUdf", 204,
  () => alice.udf.registerGenericUdf("alice", "add", { language: "python", version: "3.9", exec_raw: ADD }));
await call("udf.info", 200, () => alice.udf.info("alice", "add"), d => ({ name: d.name, type: d.type, exec_raw: d.exec_raw }));
await call("udf.updateGenericUdf", 204, () => alice.udf.updateGenericUdf("alice", "add", { readme: "adds two numbers" }));
await call("udf.info after an update", 200, () => alice.udf.info("alice", "add"), d => d.readme);
await call("udf.info by bob before a share", 404, () => bob.udf.info("alice", "add"));
await call("udf.share", 204, () => alice.udf.share("alice", "add", { namespace: "bob", actions: ["fetch_udf"] }));
await call("UdfApi.getUDFInfoSharingPolicies", 200, () => alice.udf.API.getUDFInfoSharingPolicies("alice", "add"),
  d => d.map(s => s.namespace));
await call("udf.info by bob after a share", 200, () => bob.udf.info("alice", "add"), d => d.name);
await call("UdfApi.udfNamespaceArrayEndTimestampsGet", 200,
  () => alice.udf.API.udfNamespaceArrayEndTimestampsGet("alice", "add"), d => d.pagination_metadata);
const favorites = new pkg.v1.FavoritesApi(bob.config);
await call("FavoritesApi.addUDFFavorite", 204, () => favorites.addUDFFavorite("alice", "add"));
await call("FavoritesApi.getUDFFavorite", 200, () => favorites.getUDFFavorite("alice", "add"), d => d.name);
await call("FavoritesApi.listUDFFavorites", 200, () => favorites.listUDFFavorites(), d => d.udfs.map(u => u.name));
await call("FavoritesApi.listUDFFavoritesUUIDs", 200, () => favorites.listUDFFavoritesUUIDs(), d => d.length);
await call("FavoritesApi.deleteUDFFavorite", 204, () => favorites.deleteUDFFavorite("alice", "add"));
if (python === "python3") {
  // UDF.exec answers the result itself, not the HTTP answer
  await call("udf.exec of the registered UDF", 200, async () => ({ status: 200, data: await alice.udf.exec("alice/add", [2, 40]) }),
    d => d);
  // UDF.exec charges the UDF's namespace, where bob is no member: he runs alice's UDF in his own namespace
  await call("udf.exec by bob in alice's namespace", 403,
    async () => ({ status: 200, data: await bob.udf.exec("alice/add", [1, 2]) }));
  await call("UdfApi.submitGenericUDF by bob of the shared UDF", 200,
    () => bob.udf.API.submitGenericUDF("bob", { udf_info_name: "alice/add", argument: JSON.stringify([1, 2]) }),
    d => d);
  await call("UdfApi.submitGenericUDF", 200,
    () => alice.udf.API.submitGenericUDF("alice",
      { language: "python", exec_raw: ADD, argument: JSON.stringify([20, 22]), result_format: "json" }),
    (d, r) => ({ result: d, task: taskId(r) }));
  await call("UdfApi.submitMultiArrayUDF", 200,
    () => alice.udf.API.submitMultiArrayUDF("alice", {
      language: "python", exec_raw: "def total(data):\n    return sum(data['price'])\n",
      arrays: [{ uri: "tiledb://alice/prices", ranges: { layout: "row-major", ranges: [[1, 2]] }, buffers: ["price"] }],
    }), d => d);
  await call("UdfApi.submitUDF", 200,
    () => alice.udf.API.submitUDF("alice", "prices", {
      language: "python", exec_raw: "def ids(data):\n    return list(data['id'])\n",
      ranges: { layout: "row-major", ranges: [[3, 4]] }, buffers: ["id"],
    }), d => d);
  await call("udf.exec that raises", 400,
    () => alice.udf.API.submitGenericUDF("alice",
      { language: "python", exec_raw: "def boom():\n    raise ValueError('no good')\n" }));
}
await call("udf.unshare", 204, () => alice.udf.unshare("alice", "add", "bob"));
await call("udf.info by bob after an unshare", 404, () => bob.udf.info("alice", "add"));

await call("TasksApi.tasksGet", 200, () => alice.TasksApi.tasksGet("alice"),
  d => d.array_tasks.map(t => ({ id: t.id, type: t.type, status: t.status })));
const sqlTask = detail("sql.exec").task;
await call("TasksApi.taskIdGet", 200, () => alice.TasksApi.taskIdGet(sqlTask),
  d => ({ id: d.id, type: d.type, status: d.status }));
await call("task", 200, () => alice.task(sqlTask), d => d.id);
await call("TasksApi.taskIdResultGet", 200, () => alice.TasksApi.taskIdResultGet(sqlTask), d => d);
await call("TasksApi.tasksGet of type SQL", 200, () => alice.TasksApi.tasksGet("alice", undefined, undefined,
  undefined, undefined, undefined, undefined, "SQL"), d => d.array_tasks.map(t => t.id));
await call("TasksApi.taskIdGet by bob", 404, () => bob.TasksApi.taskIdGet(sqlTask));
const graphLogs = new pkg.v1.TaskGraphLogsApi(alice.config);
await call("TaskGraphLogsApi.listTaskGraphLogs", 200, () => graphLogs.listTaskGraphLogs("alice"),
  d => d.task_graph_logs.length);
await call("udf.delete", 204, () => alice.udf.delete("alice", "add"));

// ---- cells through the query protocol: TileDBQuery's Cap'n Proto writes and reads (alice/dense-js and
// alice/sparse-js are registered empty by the test; alice/prices holds seeded cells)
/** Plain JSON of a page's values: BigInts (int64 and uint64 columns) as numbers. */
function plain(results) {
  const out = {};
  for (const [name, values] of Object.entries(results)) {
    out[name] = Array.from(values, v => (typeof v === "bigint" ? Number(v) : v));
  }
  return out;
}
/** Runs a TileDBQuery call (no HTTP answer object: a resolved call is a 200, a refused one its status). */
async function cells(name, fn) {
  let status = 200;
  let detail;
  try {
    detail = await fn();
  } catch (e) {
    status = e.response?.status ?? 500;
    detail = String(e.message ?? e);
  }
  console.log(JSON.stringify({ call: name, status, expected: 200, detail }));
  details.set(name, detail);
}
/** Every page of a read: its cells, and how many pages there were. */
async function readPages(namespace, array, body) {
  const pages = [];
  for await (const page of alice.query.ReadQuery(namespace, array, body)) {
    pages.push(plain(page));
  }
  return pages;
}
const denseValues = Array.from({ length: 16 }, (_, i) => 10 * (Math.floor(i / 4) + 1) + (i % 4) + 1);
await cells("TileDBQuery.WriteQuery dense", async () => {
  const q = await alice.query.WriteQuery("alice", "dense-js",
    { layout: "row-major", values: { a: { values: denseValues } } });
  return { status: q.status }; // the client's deserializer does not read writtenFragmentInfo
});
await cells("TileDBQuery.ReadQuery dense", () =>
  readPages("alice", "dense-js", { layout: "row-major", ranges: [[1, 4], [1, 4]], bufferSize: 30 }));
await cells("TileDBQuery.ReadQuery dense col-major", () =>
  readPages("alice", "dense-js", { layout: "col-major", ranges: [[2, 3], []], bufferSize: 60 }));
const sparseIds = [9, 2, 7, 4, 5, 0, 1, 8, 3, 6];
// no empty label: the client takes a page whose var-size buffer is empty for a fixed-size attribute
const labels = sparseIds.map(i => "l" + i);
await cells("TileDBQuery.WriteQuery sparse", async () => {
  const offsets = [];
  let at = 0;
  for (const l of labels) {
    offsets.push(at);
    at += l.length;
  }
  const q = await alice.query.WriteQuery("alice", "sparse-js", {
    layout: "unordered",
    values: {
      id: { values: sparseIds },
      v: { values: sparseIds.map(i => i / 4) },
      label: { values: labels.join(""), offsets, validity: sparseIds.map(i => (i === 5 ? 0 : 1)) },
    },
  });
  return { status: q.status }; // the client's deserializer does not read writtenFragmentInfo
});
await cells("TileDBQuery.ReadQuery sparse", () =>
  readPages("alice", "sparse-js", { layout: "row-major", ranges: [[]], bufferSize: 200 }));
await cells("TileDBQuery.ReadQuery of seeded cells", () =>
  readPages("alice", "prices", { layout: "row-major", ranges: [[]], bufferSize: 40, attributes: ["id", "price"] }));
await call("sql.exec of the cells TileDBQuery wrote", 200,
  () => alice.sql.exec("alice", "select id, v, label from `tiledb://alice/sparse-js` order by id"), d => d);

// ---- removal
await call("deregisterArray", 204, () => alice.deregisterArray("alice", "registered"));
await call("ArrayApi.deleteArray", 204, () => alice.ArrayApi.deleteArray("alice", "made-by-js", JSON_TYPE));
