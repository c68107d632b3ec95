package dev.cameltiledb.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The part of an array's domain that holds data; {@code isEmpty} is true for an array never written. */
public record NonEmptyDomain(
        DomainArray nonEmptyDomain, @JsonProperty("isEmpty") boolean isEmpty) {}
