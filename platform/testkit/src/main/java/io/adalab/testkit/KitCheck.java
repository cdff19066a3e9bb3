package io.adalab.testkit;

/**
 * One check of the {@link OptimizerKit}: a name that reads as a sentence and a body that throws
 * {@link AssertionError} with a clear message when the optimizer misbehaves. Runs under any test
 * framework: {@code DynamicTest.dynamicTest(c.name(), c::run)} in JUnit 5.
 *
 * @param name  e.g. {@code "sameSeedGivesSameTrajectory"}
 * @param check the body
 */
public record KitCheck(String name, Runnable check) {

    /** Runs the check. @throws AssertionError if it fails */
    public void run() {
        check.run();
    }

    @Override public String toString() {
        return name;
    }
}
