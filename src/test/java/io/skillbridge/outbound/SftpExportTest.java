package io.skillbridge.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SftpExportTest {

    private final SftpExport export = new SftpExport(new io.skillbridge.system.Secrets(new MockEnvironment()), new ObjectMapper());

    @Test
    void eachObjectOfEachBodyIsALineWithItsFieldsInTheColumnsOrderQuotedWhereNeeded() {
        String csv = export.csv(List.of("employeeId", "skill", "level", "note"), List.of(
                "[{\"skill\":\"sql\",\"employeeId\":\"E-1\",\"level\":3},{\"skill\":\"excel\",\"employeeId\":\"E-1\",\"level\":2}]",
                "{\"employeeId\":\"E-2\",\"skill\":\"writing\",\"level\":4,\"note\":\"says \\\"hi\\\", twice\"}"));

        assertThat(csv).isEqualTo("employeeId,skill,level,note\r\n"
                + "E-1,sql,3,\r\n"
                + "E-1,excel,2,\r\n"
                + "E-2,writing,4,\"says \"\"hi\"\", twice\"\r\n");
    }

    @Test
    void theFileNameCarriesTheTimeAndTheFirstRow() {
        assertThat(SftpExport.fileName("skills-{timestamp}-{id}.csv", 42, Instant.parse("2026-03-01T08:05:09.123Z")))
                .isEqualTo("skills-20260301T080509Z-42.csv");
    }
}
