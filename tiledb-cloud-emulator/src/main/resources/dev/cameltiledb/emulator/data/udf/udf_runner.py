# Runs one UDF for the TileDB Cloud emulator (dev.cameltiledb.emulator.data.udf.PythonProcess).
#
# Usage: python3 -u -c <this file> <result path> <status path>, with a JSON request on stdin:
#   {"source": "<Python source>" | "pickle": "<base64 pickle of a function>",
#    "result_format": "json" | "tiledb_json" | "python_pickle" | "native" | "bytes",
#    "args": [<TileDB JSON value>, ...], "kwargs": {"name": <TileDB JSON value>, ...}}
# The function is the last one the source defines (or the expression the source is, e.g. a lambda). Its output
# (stdout, stderr) is the task's log. The status file says how it ended: "ok" (the result file holds the encoded
# return value), "raised" (the result file holds the traceback, also printed to stderr) or "invalid" (the request
# cannot run: the result file says why). No status file: the process ended some other way (killed, os._exit).
import ast
import base64
import json
import linecache
import os
import pickle
import sys
import traceback

RUNNER = "<string>"
FILENAME = "<udf>"


class Invalid(Exception):
    pass


def load_function(request):
    source = request.get("source")
    if source:
        linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
        try:
            tree = ast.parse(source, FILENAME)
        except SyntaxError as e:
            raise Invalid("exec_raw is not valid Python: " + "".join(traceback.format_exception_only(type(e), e)).strip())
        names = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        namespace = {"__name__": "__udf__"}
        if not names:
            if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr):
                fn = eval(compile(ast.Expression(tree.body[0].value), FILENAME, "eval"), namespace)
                if callable(fn):
                    return fn
            raise Invalid("exec_raw defines no function: give the source of a def (the last one defined runs)")
        exec(compile(tree, FILENAME, "exec"), namespace)
        return namespace[names[-1]]
    data = request.get("pickle")
    if data:
        try:
            fn = pickle.loads(base64.b64decode(data))
        except ModuleNotFoundError as e:
            raise Invalid(
                "exec holds a pickled function that needs the module %r, which the emulator's Python (%s) does not have"
                " (a cloudpickle needs 'pip install cloudpickle'); or send the function's source as exec_raw"
                % (e.name, sys.executable))
        except Exception as e:
            raise Invalid("exec is not a base64 pickle of a function: %s" % e)
        if not callable(fn):
            raise Invalid("exec does not unpickle to a function but to a %s" % type(fn).__name__)
        return fn
    raise Invalid("the UDF has no code: give exec_raw (Python source) or exec (a base64 pickle)")


def decode(value):
    """A TileDB JSON value (the spec's TGArgValue) as a Python value."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        kind = value.get("__tdbudf__")
        if kind is None:
            return {k: decode(v) for k, v in value.items()}
        if kind == "raw_json":
            return value.get("raw_json")
        if kind == "__escape__":
            return {k: decode(v) for k, v in value.get("__escape__", {}).items()}
        if kind == "immediate":
            return immediate(value.get("format"), base64.b64decode(value.get("base64_data", "")))
        raise Invalid("an argument is the TileDB value %r, which the emulator does not decode" % kind)
    return value


def immediate(fmt, data):
    if fmt == "bytes":
        return data
    if fmt == "json":
        return json.loads(data)
    if fmt == "tiledb_json":
        return decode(json.loads(data))
    if fmt in ("python_pickle", "native"):
        return pickle.loads(data)
    raise Invalid("an argument is encoded as %r, which the emulator does not decode" % fmt)


def tiledb_json(value):
    """A Python value as TileDB JSON: JSON as deep as it goes, bytes and other values as immediate sentinels."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [tiledb_json(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        encoded = {k: tiledb_json(v) for k, v in value.items()}
        return {"__tdbudf__": "__escape__", "__escape__": encoded} if "__tdbudf__" in value else encoded
    if isinstance(value, (bytes, bytearray)):
        return {"__tdbudf__": "immediate", "format": "bytes", "base64_data": base64.b64encode(value).decode()}
    data = base64.b64encode(pickle.dumps(value, protocol=4)).decode()
    return {"__tdbudf__": "immediate", "format": "python_pickle", "base64_data": data}


def encode(result, fmt):
    if fmt == "json":
        return json.dumps(result, allow_nan=False).encode("utf-8")
    if fmt == "tiledb_json":
        return json.dumps(tiledb_json(result), allow_nan=False).encode("utf-8")
    if fmt in ("python_pickle", "native"):
        return pickle.dumps(result, protocol=4)
    if fmt == "bytes":
        if isinstance(result, (bytes, bytearray)):
            return bytes(result)
        raise TypeError("result_format bytes needs the UDF to return bytes, it returned %s" % type(result).__name__)
    raise Invalid("result_format %r is not produced by the emulator's UDFs" % fmt)


def user_traceback():
    """The traceback of the exception being handled, without the runner's own frames."""
    te = traceback.TracebackException(*sys.exc_info())
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename != RUNNER])
    return "".join(te.format())


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def main():
    result_path, status_path = sys.argv[1], sys.argv[2]
    request = json.load(sys.stdin)
    sys.stdin.close()
    sys.stdin = open(os.devnull)
    try:
        fn = load_function(request)
        args = [decode(a) for a in request.get("args", [])]
        kwargs = {k: decode(v) for k, v in request.get("kwargs", {}).items()}
        result = fn(*args, **kwargs)
        data = encode(result, request.get("result_format", "json"))
    except Invalid as e:
        write(result_path, str(e))
        write(status_path, "invalid")
        return
    except BaseException:
        tb = user_traceback()
        sys.stdout.flush()
        sys.stderr.write(tb)
        sys.stderr.flush()
        write(result_path, tb)
        write(status_path, "raised")
        return
    write(result_path, data)
    sys.stdout.flush()
    sys.stderr.flush()
    write(status_path, "ok")


main()
