package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** How the repository change feed of an org keeps what it has seen. Read when the consumer starts. */
@UriParams
public class ConsumerOptions extends OptionGroup<ConsumerOptions> {

    @UriParam(
            label = "consumer",
            description =
                    "Where the change feed keeps what it has seen of each repo (id, digest, status, address), so a restart goes on where the last completed exchange left off; e.g. a FileStateRepository. Without it the state lives in memory and a restart takes a new baseline.")
    private StateRepository<String, String> stateRepository;

    @UriParam(
            label = "consumer",
            description =
                    "The key of this feed's entry in the stateRepository; default arraylake:repos:<org>. Give two feeds of the same org different keys.")
    private String stateKey;

    @UriParam(
            label = "consumer",
            defaultValue = "1000",
            description =
                    "The most exchanges one poll emits (0 = no limit); the other changes follow on the next polls, none is skipped.")
    private int maxMessagesPerPoll = 1000;

    @UriParam(
            label = "consumer",
            defaultValue = "false",
            description =
                    "true: the first poll without saved state emits every live repo as created; false: it only records them (the baseline) and later polls emit what changes.")
    private boolean initialSnapshot;

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

    public boolean isInitialSnapshot() {
        return initialSnapshot;
    }

    public void setInitialSnapshot(boolean initialSnapshot) {
        this.initialSnapshot = initialSnapshot;
    }
}
