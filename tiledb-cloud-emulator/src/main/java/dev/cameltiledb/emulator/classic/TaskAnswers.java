package dev.cameltiledb.emulator.classic;

import java.util.List;
import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The v1 task answers of the spec as the emulator sends them, one record each, fields in the spec's names. */
final class TaskAnswers {

    private TaskAnswers() {}

    /** The spec's {@code ArrayTask}: a completed query that took no time and cost nothing, with its activity event. */
    record ArrayTask(
            String id,
            String name,
            String username,
            @JsonProperty("array_metadata") ArrayAnswers.ArrayInfo arrayMetadata,
            String namespace,
            String status,
            @JsonProperty("start_time") String startTime,
            @JsonProperty("finish_time") String finishTime,
            double cost,
            @JsonProperty("egress_cost") double egressCost,
            @JsonProperty("access_cost") double accessCost,
            @JsonProperty("query_type") String queryType,
            String type,
            List<ArrayAnswers.ActivityLog> activity,
            String logs,
            int duration) {}

    /** The spec's {@code ArrayTaskBrowserSidebar}. */
    record Sidebar(
            List<String> organizations,
            @JsonProperty("result_count_for_all") int resultCountForAll,
            @JsonProperty("result_count_by_namespace") SortedMap<String, Integer> resultCountByNamespace) {}
}
