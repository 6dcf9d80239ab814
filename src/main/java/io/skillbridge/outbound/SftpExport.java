package io.skillbridge.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import io.skillbridge.system.Secrets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Writes the write-backs of a file-export target as one CSV file on the HRIS's SFTP server, for HRIS that import
 * files rather than take requests. The file is uploaded under a {@code .part} name and renamed when complete, so the
 * importer never reads half a file; the rows are delivered only once the rename succeeded.
 */
@Component
public class SftpExport {

    static final String PART = ".part";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int TIMEOUT_MS = 15_000;

    private final Secrets secrets;
    private final ObjectMapper json;

    public SftpExport(Secrets secrets, ObjectMapper json) {
        this.secrets = secrets;
        this.json = json;
    }

    /**
     * @param firstId the first outbox row of the file, for {@code {id}} in the file name
     * @param bodies  each row's rendered body: one CSV line per object (a body may be an object or a list of them)
     */
    HttpPush.Outcome upload(Target target, long firstId, Collection<String> bodies) {
        String name = fileName(target.setting("fileName", ""), firstId, Instant.now());
        String where = target.url() + "/" + name;
        byte[] csv = csv(columns(target), bodies).getBytes(StandardCharsets.UTF_8);
        Session session = null;
        try {
            session = session(target);
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(TIMEOUT_MS);
            try {
                String dir = target.setting("directory", ".");
                sftp.put(new ByteArrayInputStream(csv), dir + "/" + name + PART);
                sftp.rename(dir + "/" + name + PART, dir + "/" + name);
            } finally {
                sftp.disconnect();
            }
            return HttpPush.Outcome.ok(0);
        } catch (JSchException | SftpException | RuntimeException e) {
            return new HttpPush.Outcome(false, true, null, "SFTP upload of " + where + " failed: "
                    + e.getClass().getSimpleName() + ": " + secrets.redact(String.valueOf(e.getMessage())), null);
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    private Session session(Target target) throws JSchException {
        JSch jsch = new JSch();
        String key = target.settings().get("privateKey");
        if (key != null) {
            jsch.addIdentity(target.id(), secrets.resolve(key).getBytes(StandardCharsets.UTF_8), null, null);
        }
        String knownHosts = target.settings().get("knownHosts");
        if (knownHosts != null) {
            jsch.setKnownHosts(knownHosts);
        }
        Session session = jsch.getSession(target.setting("username", ""), target.setting("host", ""),
                Integer.parseInt(target.setting("port", "22")));
        String password = target.settings().get("password");
        if (password != null) {
            session.setPassword(secrets.resolve(password));
        }
        session.setConfig("StrictHostKeyChecking", target.setting("strictHostKeyChecking", "yes"));
        session.connect(TIMEOUT_MS);
        return session;
    }

    static List<String> columns(Target target) {
        return Arrays.stream(target.setting("columns", "").split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
    }

    /** {@code {timestamp}} (UTC, to the second) and {@code {id}} (the file's first row) in the target's file name. */
    static String fileName(String pattern, long firstId, Instant at) {
        return pattern.replace("{timestamp}", STAMP.format(at)).replace("{id}", String.valueOf(firstId));
    }

    /** The file: a header of the columns, then each body's objects as lines, their fields in the columns' order. */
    String csv(List<String> columns, Collection<String> bodies) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get())) {
            for (String body : bodies) {
                JsonNode node = json.readTree(body);
                for (JsonNode line : node.isArray() ? node : List.of(node)) {
                    List<String> values = new ArrayList<>(columns.size());
                    for (String c : columns) {
                        JsonNode v = line.path(c);
                        values.add(v.isMissingNode() || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
                    }
                    printer.printRecord(values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
