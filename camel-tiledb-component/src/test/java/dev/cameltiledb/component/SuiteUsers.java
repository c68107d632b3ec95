package dev.cameltiledb.component;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test classes that reached one of the suite's shared emulators in this JVM, noted as each asks for it: the
 * contract tests check the exchanges of whichever classes ran with them (all of the module in a suite run, a share of
 * it when tests are split over JVMs) and name them, and know when they ran alone.
 */
final class SuiteUsers {

    static final SuiteUsers CLASSIC = new SuiteUsers();
    static final SuiteUsers WORKSPACE = new SuiteUsers();

    private final Set<String> classes = ConcurrentHashMap.newKeySet();

    private SuiteUsers() {}

    /**
     * Notes the test class on the caller's stack: the outermost of ours, the one JUnit runs (a nested class or a route
     * builder counts as its outer class; a helper of another test class it calls does not count).
     */
    void note() {
        StackWalker.getInstance()
                .walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                        .filter(name -> name.startsWith("dev.cameltiledb."))
                        .map(name -> name.contains("$") ? name.substring(0, name.indexOf('$')) : name)
                        .filter(name -> name.endsWith("Test") || name.endsWith("IT"))
                        .reduce((inner, outer) -> outer))
                .ifPresent(classes::add);
    }

    /** The simple names of the classes noted, but {@code self}. */
    Set<String> besides(Class<?> self) {
        Set<String> others = new TreeSet<>();
        for (String name : classes) {
            if (!name.equals(self.getName())) {
                others.add(name.substring(name.lastIndexOf('.') + 1));
            }
        }
        return others;
    }
}
