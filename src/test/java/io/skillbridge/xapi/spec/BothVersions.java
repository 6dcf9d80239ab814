package io.skillbridge.xapi.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a spec test once per xAPI version the hub speaks; the test receives the version header value. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "xAPI {0}")
@ValueSource(strings = {"1.0.3", "2.0.0"})
public @interface BothVersions {
}
