package dev.cameltiledb.client;

/**
 * What a file's headers say about it ({@code HEAD /v4/files/...}): its size in bytes (null if not sent), ETag, last
 * change and content type.
 */
public record FileStat(Long size, String etag, String lastModified, String contentType) {}
