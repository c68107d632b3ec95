package dev.cameltiledb.component;

import dev.cameltiledb.camel.OptionGroup;
import dev.cameltiledb.camel.ValueRange;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How the activity, tasks and change-feed consumers poll and where they keep their state. Read when a consumer starts.
 */
@UriParams
public class ConsumerOptions extends OptionGroup<ConsumerOptions> {

    @UriParam(
            label = "consumer",
            defaultValue = "now",
            description =
                    "For the activity consumer without a saved cursor: now (exactly the events logged at or after the consumer's first start; an older event is never delivered, even one the service logs late), beginning (everything in the service's seven-day window) or an ISO-8601 instant (the events at or after it). The start is saved with the cursors, so a restart keeps it. For the tasks consumer the same, for the tasks started then (now: the tasks started at or after its first start). For the cells consumer: the cells of the fragments timestamped at or after the consumer's first start (now), every fragment (beginning), or those at or after the instant.")
    private String startFrom = "now";

    @UriParam(
            label = "consumer",
            description =
                    "Where consumers keep their cursor (activity, cells), known assets (change feeds) or window of tasks (tasks), so a restart resumes exactly where the last completed exchange left off; e.g. a FileStateRepository, or a shared one for several nodes. Without it the state lives in memory.")
    private StateRepository<String, String> stateRepository;

    @UriParam(
            label = "consumer",
            description =
                    "The key prefix of this consumer's entries in the stateRepository; default: derived from the resource, namespace and array. Give two consumers of the same assets different keys.")
    private String stateKey;

    @UriParam(
            label = "consumer",
            defaultValue = "1000",
            description =
                    "The most exchanges one poll emits (0 = no limit); the rest follow on the next poll, nothing skipped.")
    private int maxMessagesPerPoll = 1000;

    @UriParam(
            label = "consumer",
            defaultValue = "60",
            description =
                    "For the activity consumer: how many seconds back each poll looks again, so that events the service logs late (with an earlier time) are still delivered once; events already delivered in that window are recognised by id. For the tasks consumer: how many seconds before the poll the tasks listing starts at least, for tasks the service lists late.")
    private long lateArrivalSeconds = 60L;

    @UriParam(
            label = "consumer",
            defaultValue = "21600000",
            javaType = "java.time.Duration",
            description =
                    "For the activity consumer of a whole namespace: the longest an array goes unread (milliseconds, or a duration such as 6h). An array whose read finds nothing waits twice as long as before, from the poll delay up to this bound; an array whose last access moved is read on the next poll, and once more lateArrivalSeconds later. Must stay well inside the service's seven-day activity window.")
    @ValueRange(min = 1)
    private long maxQuietInterval = 21_600_000L;

    @UriParam(
            label = "consumer",
            defaultValue = "3600000",
            javaType = "java.time.Duration",
            description =
                    "How often the full listing is read again (milliseconds, or a duration such as 1h). The activity consumer of a whole namespace reads it to drop removed arrays; new and changed arrays are found every poll through the listing ordered by last access. A change feed (arrays, notebooks, groups, assets) reads, on other polls, only the top of the listing ordered by last access (assets: last update) and lists whole at this interval (or when the listing's total shows a gap), which delivers the changes that do not move an asset in that order.")
    @ValueRange(min = 1)
    private long listingRefreshInterval = 3_600_000L;

    @UriParam(
            label = "consumer",
            defaultValue = "500",
            description =
                    "For the activity consumer of a whole namespace: the most activity requests one poll sends (changed arrays first, then the most overdue: second reads of arrays that changed lateArrivalSeconds ago, quiet arrays due); the rest wait for the next poll. The listing requests are not counted.")
    @ValueRange(min = 1)
    private int maxRequestsPerPoll = 500;

    @UriParam(
            label = "consumer",
            defaultValue = "1",
            description =
                    "For the activity consumer of a whole namespace and for change feeds (arrays, notebooks, groups, assets consumers): split the watched assets into this many partitions by a stable hash of each asset's URI (32-bit FNV-1a of tiledb://namespace/name, modulo partitions), so several nodes share the work. With more than 1, the partition option says which one this consumer watches: run one route per partition, each under master: with its own cluster namespace. Activity cursors are kept per array, so changing the number of partitions keeps every array's cursor; a change feed keeps its state per partition, and its partitions on one node share the listing's pages (one listing per poll on a node).")
    @ValueRange(min = 1)
    private int partitions = 1;

    @UriParam(
            label = "consumer",
            description = "With partitions: the partition this consumer watches, 0 to partitions - 1.")
    private Integer partition;

    @UriParam(
            label = "consumer",
            defaultValue = "1000",
            javaType = "java.time.Duration",
            description =
                    "For the activity and cells consumers with a fencing stateRepository (JdbcStateRepository): before a delivery, the consumer asks the store whether another node took its partition over when the store last confirmed its fence longer ago than this (milliseconds, or a duration such as 2s); saves confirm it too. Keep it well below the cluster service's session timeout, so a node paused past its session checks before it delivers again.")
    private long fenceCheckInterval = 1000L;

    @UriParam(
            label = "consumer",
            defaultValue = "false",
            description =
                    "For change feeds (arrays, notebooks, groups consumers): true emits every existing asset as created on the first poll; false only records them and emits what changes afterwards.")
    private boolean initialSnapshot = false;

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public long getLateArrivalSeconds() {
        return lateArrivalSeconds;
    }

    public void setLateArrivalSeconds(long lateArrivalSeconds) {
        this.lateArrivalSeconds = lateArrivalSeconds;
    }

    public long getMaxQuietInterval() {
        return maxQuietInterval;
    }

    public void setMaxQuietInterval(long maxQuietInterval) {
        this.maxQuietInterval = maxQuietInterval;
    }

    public long getListingRefreshInterval() {
        return listingRefreshInterval;
    }

    public void setListingRefreshInterval(long listingRefreshInterval) {
        this.listingRefreshInterval = listingRefreshInterval;
    }

    public int getMaxRequestsPerPoll() {
        return maxRequestsPerPoll;
    }

    public void setMaxRequestsPerPoll(int maxRequestsPerPoll) {
        this.maxRequestsPerPoll = maxRequestsPerPoll;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public Integer getPartition() {
        return partition;
    }

    public void setPartition(Integer partition) {
        this.partition = partition;
    }

    public long getFenceCheckInterval() {
        return fenceCheckInterval;
    }

    public void setFenceCheckInterval(long fenceCheckInterval) {
        this.fenceCheckInterval = fenceCheckInterval;
    }

    public boolean isInitialSnapshot() {
        return initialSnapshot;
    }

    public void setInitialSnapshot(boolean initialSnapshot) {
        this.initialSnapshot = initialSnapshot;
    }
}
