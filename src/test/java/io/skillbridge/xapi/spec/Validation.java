package io.skillbridge.xapi.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.xapi.XapiException;
import io.skillbridge.xapi.XapiVersion;
import io.skillbridge.xapi.validation.JsonPath;
import io.skillbridge.xapi.validation.StatementValidator;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the validator: a statement is accepted, or rejected naming exactly the given JSON path. */
final class Validation {

    private Validation() {
    }

    static void accepted(String version, JsonNode statement) {
        assertThatCode(() -> new StatementValidator(XapiVersion.parse(version)).validate(statement, JsonPath.root("statement")))
                .doesNotThrowAnyException();
    }

    static void rejected(String version, JsonNode statement, String path) {
        assertThatThrownBy(() -> new StatementValidator(XapiVersion.parse(version)).validate(statement, JsonPath.root("statement")))
                .isInstanceOf(XapiException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((XapiException) e).field()).isEqualTo(path));
    }
}
