package dev.cameltiledb.emulator.common.page;

/**
 * Judges one recorded exchange, in the service's public form {@code R}, against the API descriptions the emulator
 * knows. Called by the page when it is asked, never while a request is answered; the page keeps each verdict.
 */
@FunctionalInterface
public interface ExchangeJudge<R> {

    Verdict judge(R exchange);
}
