package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of the caller's favourite UDFs, described as arrays ({@code UDFFavoritesData}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UdfFavoritesData(List<ArrayInfo> udfs, PaginationMetadata paginationMetadata) {}
