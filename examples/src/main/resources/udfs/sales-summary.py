# The UDF routes/udf-on-write.yaml registers as sales-summary: TileDB Cloud calls the last function defined with the
# cells of the array slice it runs over (a dict of columns) and returns what it returns as JSON.
def summary(data):
    amounts = data.get("amount") or []
    if not amounts:
        raise ValueError("nothing to summarise: the array holds no amount cells")
    return {"sales": len(amounts), "total": round(sum(amounts), 2)}
