package io.skillbridge.xapi.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillbridge.xapi.MultipartMixed;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Attachments (1.0.3 Part Two 2.4.11, Part Three 1.5.2): multipart/mixed requests and responses. */
class AttachmentsSpecIT extends XapiSpecIT {

    static final byte[] CERTIFICATE = "%PDF-1.4 certificate of completion".getBytes(StandardCharsets.UTF_8);

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static ObjectNode withAttachment(String sha2, boolean fileUrl) {
        ObjectNode s = Statements.valid();
        Statements.set(s, "attachments", """
                [{"usageType": "http://id.tincanapi.com/attachment/certificate-of-completion",
                  "display": {"en-US": "Certificate"}, "contentType": "application/pdf", "length": %d, "sha2": "%s" %s}]
                """.formatted(CERTIFICATE.length, sha2, fileUrl ? ", \"fileUrl\": \"https://files.example.com/c.pdf\"" : ""));
        return s;
    }

    private Response postMultipart(String version, String statements, byte[] attachment, String hash) {
        List<MultipartMixed.Part> parts = new ArrayList<>();
        parts.add(new MultipartMixed.Part(Map.of("Content-Type", "application/json"), statements.getBytes(StandardCharsets.UTF_8)));
        if (attachment != null) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/pdf");
            headers.put("Content-Transfer-Encoding", "binary");
            headers.put("X-Experience-API-Hash", hash);
            parts.add(new MultipartMixed.Part(headers, attachment));
        }
        MultipartMixed.Written body = MultipartMixed.write(parts);
        return send(request("/xapi/statements", version).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())).build());
    }

    @BothVersions
    void aMultipartStatementWithItsAttachmentIsStoredAndReturnedWithAttachmentsTrue(String version) throws Exception {
        String hash = sha256(CERTIFICATE);
        ObjectNode s = withAttachment(hash, false);

        Response r = postMultipart(version, s.toString(), CERTIFICATE, hash);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Response got = get(version, "statementId=" + s.get("id").asText() + "&attachments=true");
        assertThat(got.header("Content-Type")).startsWith("multipart/mixed");
        List<MultipartMixed.Part> parts = MultipartMixed.parse(got.raw().body(), got.header("Content-Type"));
        assertThat(parts).hasSize(2);
        assertThat(Statements.JSON.readTree(parts.get(0).content()).get("id").asText()).isEqualTo(s.get("id").asText());
        assertThat(parts.get(1).header("X-Experience-API-Hash")).isEqualTo(hash);
        assertThat(parts.get(1).content()).isEqualTo(CERTIFICATE);
        assertThat(get(version, "statementId=" + s.get("id").asText()).header("Content-Type")).startsWith("application/json");
    }

    @BothVersions
    void aPartWhoseContentDoesNotMatchItsHashIs400(String version) throws Exception {
        String hash = sha256(CERTIFICATE);
        Response r = postMultipart(version, withAttachment(hash, false).toString(), "tampered".getBytes(StandardCharsets.UTF_8), hash);
        assertThat(r.status()).isEqualTo(400);
        assertThat(stored()).isZero();
    }

    @BothVersions
    void anAttachmentWithoutFileUrlOrPartIs400(String version) throws Exception {
        Response r = post(version, withAttachment(sha256(CERTIFICATE), false));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("statement.attachments[0].sha2");
        assertThat(stored()).isZero();
    }

    @BothVersions
    void aFileUrlAttachmentNeedsNoPart(String version) throws Exception {
        assertThat(post(version, withAttachment(sha256(CERTIFICATE), true)).status()).isEqualTo(200);
    }

    @BothVersions
    void aPartNoStatementNamesIs400(String version) throws Exception {
        String other = sha256("other".getBytes(StandardCharsets.UTF_8));
        Response r = postMultipart(version, Statements.valid().toString(), "other".getBytes(StandardCharsets.UTF_8), other);
        assertThat(r.status()).isEqualTo(400);
        assertThat(stored()).isZero();
    }

    @BothVersions
    void theFirstPartMustBeJson(String version) throws Exception {
        MultipartMixed.Written body = MultipartMixed.write(List.of(new MultipartMixed.Part(Map.of("Content-Type", "text/plain"),
                Statements.valid().toString().getBytes(StandardCharsets.UTF_8))));
        Response r = send(request("/xapi/statements", version).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())).build());
        assertThat(r.status()).isEqualTo(400);
    }
}
