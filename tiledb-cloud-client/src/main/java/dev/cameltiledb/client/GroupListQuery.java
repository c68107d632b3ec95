package dev.cameltiledb.client;

/**
 * A group browser listing's filters: the common ones and those only groups have.
 *
 * @param filters   search, namespace, tags, paging...
 * @param groupType only groups of this type ({@code generic}, {@code soma}, {@code vcf}, ...)
 * @param flat      true: every group regardless of nesting; false: only top-level groups; null: true, which is sent,
 *                  as TileDB-Cloud-Py sends it with every listing (the service lists top-level groups without it)
 * @param parent    only the children of this group (id)
 */
public record GroupListQuery(ListingFilters filters, String groupType, Boolean flat, String parent) {

    public GroupListQuery {
        flat = flat == null ? Boolean.TRUE : flat;
    }
}
