package io.skillbridge.xapi.spec;

import static io.skillbridge.xapi.spec.Statements.set;
import static io.skillbridge.xapi.spec.Statements.valid;
import static io.skillbridge.xapi.spec.Validation.accepted;
import static io.skillbridge.xapi.spec.Validation.rejected;

/** Attachment objects in statements (1.0.3 Part Two 2.4.11). */
class AttachmentDataSpecTest {

    static final String SHA = "\"495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a\"";

    static String attachment(String overrides) {
        return "[{\"usageType\": \"http://id.tincanapi.com/attachment/certificate-of-completion\", \"display\": {\"en-US\": \"Certificate\"},"
                + " \"contentType\": \"application/pdf\", \"length\": 1024, \"sha2\": " + SHA + overrides + "}]";
    }

    @BothVersions
    void aCompleteAttachmentIsAccepted(String version) {
        accepted(version, set(valid(), "attachments", attachment(", \"fileUrl\": \"https://files.example.com/c.pdf\"")));
    }

    @BothVersions
    void requiredPropertiesAndFormats(String version) {
        rejected(version, set(valid(), "attachments", "[{\"display\": {\"en-US\": \"x\"}}]"), "statement.attachments[0].usageType");
        rejected(version, set(valid(), "attachments", attachment(", \"length\": -1").replace("\"length\": 1024, ", "")),
                "statement.attachments[0].length");
        rejected(version, set(valid(), "attachments", attachment("").replace(SHA, "\"abc\"")), "statement.attachments[0].sha2");
        rejected(version, set(valid(), "attachments", attachment("").replace("application/pdf", "pdf")),
                "statement.attachments[0].contentType");
        rejected(version, set(valid(), "attachments", attachment(", \"fileUrl\": \"not a url\"")), "statement.attachments[0].fileUrl");
        rejected(version, set(valid(), "attachments", "{}"), "statement.attachments");
    }

    @BothVersions
    void aSignatureIsApplicationOctetStream(String version) {
        rejected(version, set(valid(), "attachments", attachment("").replace("http://id.tincanapi.com/attachment/certificate-of-completion",
                "http://adlnet.gov/expapi/attachments/signature")), "statement.attachments[0].contentType");
    }
}
