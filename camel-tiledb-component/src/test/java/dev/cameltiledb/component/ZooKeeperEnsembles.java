package dev.cameltiledb.component;

import org.apache.curator.test.FailedServerStartException;
import org.apache.curator.test.TestingCluster;

/**
 * A started in-process ZooKeeper ensemble of three. Curator's {@link TestingCluster} picks each server's three ports
 * by opening and closing a socket, so now and then two picks come back the same and a server refuses its
 * configuration ("Client and election port must be different"): the ensemble is then built again on fresh ports.
 */
final class ZooKeeperEnsembles {

    private static final int ATTEMPTS = 3;

    private ZooKeeperEnsembles() {}

    static TestingCluster started() throws Exception {
        FailedServerStartException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TestingCluster cluster = new TestingCluster(3);
            try {
                cluster.start();
                return cluster;
            } catch (FailedServerStartException e) {
                last = e;
                cluster.close();
            }
        }
        throw last;
    }
}
