package dev.cameltiledb.component.cluster;

import java.nio.charset.StandardCharsets;

import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.component.ConsumerOptions;

/**
 * Which partition of a consumer watches an asset (an array of a namespace-wide activity consumer, or an asset of a
 * change feed): the 32-bit FNV-1a hash of the UTF-8 bytes of its URI ({@code tiledb://namespace/name}), modulo the
 * number of partitions. The hash is fixed here rather than
 * taken from {@code String.hashCode()} so the split is documented, the same on every node and in every version, and
 * spreads names that differ only in a trailing digit.
 */
public record AssetPartitions(int partition, int partitions) {

    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    /**
     * The partitions and partition options of a consumer (partitions is already checked to be positive), checked
     * together; one partition of one when neither is set.
     */
    public static AssetPartitions of(ConsumerOptions options) {
        int partitions = options.getPartitions();
        Integer partition = options.getPartition();
        if (partition == null) {
            if (partitions > 1) {
                throw new TileDBConfigurationException("partitions=" + partitions
                        + " needs the partition option too: which of them this consumer watches, 0 to "
                        + (partitions - 1) + " (one route per partition, each under master:)");
            }
            return new AssetPartitions(0, 1);
        }
        if (partition < 0 || partition >= partitions) {
            throw new TileDBConfigurationException("The partition option must be between 0 and partitions - 1 ("
                    + (partitions - 1) + "), was " + partition);
        }
        return new AssetPartitions(partition, partitions);
    }

    public boolean isSplit() {
        return partitions > 1;
    }

    /** What a node leading this share holds, as the dev consoles show it: {@code 2/6}, or {@code all} unsplit. */
    public String held() {
        return isSplit() ? partition + "/" + partitions : "all";
    }

    /** Whether this partition watches the asset. */
    public boolean owns(AssetRef asset) {
        return partitionOf(asset.toUri(), partitions) == partition;
    }

    public static int partitionOf(String uri, int partitions) {
        int hash = FNV_OFFSET;
        for (byte b : uri.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return Integer.remainderUnsigned(hash, partitions);
    }

    @Override
    public String toString() {
        return "partition " + partition + " of " + partitions;
    }
}
