package dev.cameltiledb.arraylake.client;

import java.util.List;

/** 422: the service refused the body or query; {@link #problems()} lists each as {@code body.name: msg}. */
public class ArraylakeValidationException extends ArraylakeApiException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ArraylakeValidationException(List<String> problems, String requestId, String method, String path) {
        super(422, String.join("; ", problems), requestId, method, path);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
