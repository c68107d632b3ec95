package dev.cameltiledb.emulator.common.page;

import java.util.List;
import java.util.function.Predicate;

import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Whether a recorded exchange's request and answer match the API description that covers its path: {@link #VALID},
 * {@link #INVALID} or {@link #NOT_CHECKED} each, and the findings (each {@code key: message}, its quoted values left
 * out, {@link Findings}), or why it was not checked.
 *
 * @param request  the request's state
 * @param answer   the answer's state
 * @param findings what is wrong, or why nothing was checked; empty when both are valid
 */
public record Verdict(String request, String answer, List<String> findings) {

    public static final String VALID = "valid";
    public static final String INVALID = "invalid";
    public static final String NOT_CHECKED = "not checked";

    public Verdict {
        findings = List.copyOf(findings);
    }

    /** Nothing checked, and why (no description covers the path, or it was not given). */
    public static Verdict notChecked(String why) {
        return new Verdict(NOT_CHECKED, NOT_CHECKED, List.of(why));
    }

    /**
     * The validator's errors but the excused ones, split by side; {@code requestChecked} false when only the answer was
     * validated (its request is then "not checked").
     */
    public static Verdict of(
            ValidationReport report, Predicate<ValidationReport.Message> excused, boolean requestChecked) {
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(excused.negate())
                .toList();
        boolean requestBroken = errors.stream().anyMatch(m -> !answerSide(m));
        boolean answerBroken = errors.stream().anyMatch(Verdict::answerSide);
        return new Verdict(
                !requestChecked ? NOT_CHECKED : requestBroken ? INVALID : VALID,
                answerBroken ? INVALID : VALID,
                errors.stream().map(Findings::line).toList());
    }

    private static boolean answerSide(ValidationReport.Message m) {
        return m.getKey().startsWith("validation.response.");
    }
}
