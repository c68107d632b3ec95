package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/** Keeps what a consumer reports through its exception handler (bind it and set {@code exceptionHandler=#name}). */
final class ConsumerReports implements ExceptionHandler {

    final List<String> texts = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        texts.add(message + " / " + exception.getMessage());
    }
}
