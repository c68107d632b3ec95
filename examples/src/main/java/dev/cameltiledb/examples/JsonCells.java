package dev.cameltiledb.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * A batch of Kafka records (Camel's batching consumer: a List of exchanges), each a cell as a JSON object, as the rows
 * of one cells write; and the batch's commit once it is written. JSON's integers come as Long or Integer and its decimals as Double, which the write checks against
 * the array's schema; a record that is not a JSON object fails the batch, naming its offset, so nothing of it is written
 * and its offsets are not committed.
 */
public final class JsonCells {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {};

    private JsonCells() {}

    /**
     * Commits a batch once it is written: for each partition, the manual commit of its last record, which commits the
     * partition up to it (a batch may hold records of several partitions; Camel's batching consumer commits nothing by
     * itself with {@code autoCommitEnable=false}).
     */
    public static void commit(List<?> records) {
        Map<Integer, Exchange> last = new HashMap<>();
        for (Object item : records) {
            Exchange record = (Exchange) item;
            last.merge(
                    record.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class),
                    record,
                    (a, b) -> offset(b) > offset(a) ? b : a);
        }
        for (Exchange record : last.values()) {
            record.getMessage()
                    .getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class)
                    .commit();
        }
    }

    private static long offset(Exchange record) {
        return record.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
    }

    public static List<Map<String, Object>> rows(List<Exchange> records) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (Exchange record : records) {
            String value = record.getMessage().getBody(String.class);
            try {
                rows.add(JSON.readValue(value, ROW));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "the record at offset " + record.getMessage().getHeader("kafka.OFFSET")
                                + " is not a JSON object: " + e.getOriginalMessage(),
                        e);
            }
        }
        return rows;
    }
}
