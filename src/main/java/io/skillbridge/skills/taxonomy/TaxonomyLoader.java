package io.skillbridge.skills.taxonomy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the taxonomy directory: {@code skills.csv} first, then every other {@code *.csv} or {@code *.json} file in
 * name order (the user's extensions), and the version from {@code taxonomy.yaml}. Anything inconsistent (a duplicate
 * id, a reference to a skill that does not exist, a cycle of broader skills, a name that would mean two skills) is
 * refused with the file and line of the record at fault.
 */
public final class TaxonomyLoader {

    static final String BASE_FILE = "skills.csv";
    private static final List<String> COLUMNS = List.of("id", "label", "domain", "broader", "aliases", "related", "uri",
            "description");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.+#-]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A skill as a file declares it, before references are checked. */
    private record Declared(String id, String label, String domain, String broader, List<String> aliases,
                            Map<String, Double> related, String uri, String description, String source) {
    }

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Declared> declared = new LinkedHashMap<>();

    private TaxonomyLoader() {
    }

    public static Taxonomy load(Path dir) {
        return new TaxonomyLoader().read(dir);
    }

    private Taxonomy read(Path dir) {
        List<Path> files = files(dir);
        MessageDigest digest = sha256();
        for (Path f : files) {
            try {
                byte[] bytes = Files.readAllBytes(f);
                digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
                String name = f.getFileName().toString();
                if (name.endsWith(".csv")) {
                    readCsv(name, new String(bytes, StandardCharsets.UTF_8));
                } else {
                    readJson(name, bytes);
                }
            } catch (IOException e) {
                problems.add(f.getFileName() + ": cannot be read: " + e.getMessage());
            }
        }
        if (declared.isEmpty() && problems.isEmpty()) {
            problems.add(dir + ": no skills (expected " + BASE_FILE + ")");
        }
        checkReferences();
        checkBroaderCycles();
        List<Skill> skills = problems.isEmpty() ? link() : List.of();
        checkNames(skills);
        if (!problems.isEmpty()) {
            throw new TaxonomyException(problems);
        }
        return new Taxonomy(version(dir), HexFormat.of().formatHex(digest.digest()), skills);
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TaxonomyException(List.of(dir + ": the taxonomy directory does not exist"));
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".json"))
                    .sorted((a, b) -> {
                        boolean baseA = a.getFileName().toString().equals(BASE_FILE);
                        boolean baseB = b.getFileName().toString().equals(BASE_FILE);
                        return baseA != baseB ? (baseA ? -1 : 1) : a.getFileName().compareTo(b.getFileName());
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(Path dir) {
        Path meta = dir.resolve("taxonomy.yaml");
        if (!Files.exists(meta)) {
            return "unversioned";
        }
        try {
            JsonNode v = new YAMLMapper().readTree(meta.toFile()).path("version");
            return v.isMissingNode() ? "unversioned" : v.asText();
        } catch (IOException e) {
            throw new TaxonomyException(List.of("taxonomy.yaml: " + e.getMessage()));
        }
    }

    private void readCsv(String file, String text) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(file + ":1: missing columns " + missing + "; expected " + String.join(",", COLUMNS));
                return;
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord r = records.next();
                String source = file + ":" + line;
                declare(source, r.get("id"), r.get("label"), r.get("domain"), r.get("broader"),
                        split(r.get("aliases")), related(source, r.get("related")), r.get("uri"), r.get("description"));
            }
        }
    }

    private void readJson(String file, byte[] bytes) throws IOException {
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                problems.add(file + ":1: expected an array of skills");
                return;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonLocation at = p.currentTokenLocation();
                String source = file + ":" + at.getLineNr();
                JsonNode n = JSON.readTree(p);
                Map<String, Double> related = new LinkedHashMap<>();
                n.path("related").fields().forEachRemaining(e -> {
                    if (e.getValue().isNumber()) {
                        related.put(e.getKey(), e.getValue().asDouble());
                    } else {
                        problems.add(source + ": related weight of '" + e.getKey() + "' must be a number");
                    }
                });
                List<String> aliases = new ArrayList<>();
                n.path("aliases").forEach(a -> aliases.add(a.asText().trim()));
                declare(source, text(n, "id"), text(n, "label"), text(n, "domain"), text(n, "broader"), aliases,
                        related, text(n, "uri"), text(n, "description"));
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }

    private static List<String> split(String pipeSeparated) {
        return pipeSeparated.isBlank() ? List.of()
                : Arrays.stream(pipeSeparated.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private Map<String, Double> related(String source, String pipeSeparated) {
        Map<String, Double> related = new LinkedHashMap<>();
        for (String pair : split(pipeSeparated)) {
            int colon = pair.lastIndexOf(':');
            try {
                related.put(pair.substring(0, colon).trim(), Double.parseDouble(pair.substring(colon + 1).trim()));
            } catch (RuntimeException e) {
                problems.add(source + ": related '" + pair + "' must be written skill-id:weight");
            }
        }
        return related;
    }

    private void declare(String source, String id, String label, String domain, String broader, List<String> aliases,
                         Map<String, Double> related, String uri, String description) {
        if (id.isEmpty() || !ID.matcher(id).matches()) {
            problems.add(source + ": id '" + id + "' must be lower case letters, digits and dashes");
            return;
        }
        if (label.isEmpty()) {
            problems.add(source + ": skill '" + id + "' has no label");
        }
        if (domain.isEmpty()) {
            problems.add(source + ": skill '" + id + "' has no domain");
        }
        related.forEach((other, weight) -> {
            if (!(weight > 0 && weight <= 1)) {
                problems.add(source + ": related weight of '" + other + "' must be above 0 and at most 1, was " + weight);
            }
        });
        Declared earlier = declared.get(id);
        if (earlier != null) {
            problems.add(source + ": duplicate skill id '" + id + "', first declared at " + earlier.source());
            return;
        }
        declared.put(id, new Declared(id, label, domain, broader.isEmpty() ? null : broader, aliases, related,
                uri.isEmpty() ? null : uri, description.isEmpty() ? null : description, source));
    }

    private void checkReferences() {
        for (Declared d : declared.values()) {
            if (d.broader() != null && !declared.containsKey(d.broader())) {
                problems.add(d.source() + ": skill '" + d.id() + "' names an unknown broader skill '" + d.broader() + "'");
            }
            for (String other : d.related().keySet()) {
                if (other.equals(d.id())) {
                    problems.add(d.source() + ": skill '" + d.id() + "' is related to itself");
                } else if (!declared.containsKey(other)) {
                    problems.add(d.source() + ": skill '" + d.id() + "' names an unknown related skill '" + other + "'");
                }
            }
        }
    }

    /** Broader links form a forest: a cycle is reported once, at the line of the skill where it was found. */
    private void checkBroaderCycles() {
        Map<String, Integer> state = new LinkedHashMap<>();
        for (Declared start : declared.values()) {
            List<String> path = new ArrayList<>();
            String at = start.id();
            while (at != null && declared.containsKey(at) && !state.containsKey(at)) {
                state.put(at, 1);
                path.add(at);
                at = declared.get(at).broader();
            }
            if (at != null && state.get(at) != null && state.get(at) == 1 && path.contains(at)) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
                cycle.add(at);
                problems.add(declared.get(at).source() + ": broader skills form a cycle: " + String.join(" -> ", cycle));
            }
            path.forEach(p -> state.put(p, 2));
        }
    }

    /** Related links hold both ways: what one side declares, the other side gets unless it says otherwise. */
    private List<Skill> link() {
        Map<String, Map<String, Double>> related = new LinkedHashMap<>();
        declared.values().forEach(d -> related.put(d.id(), new LinkedHashMap<>(d.related())));
        declared.values().forEach(d -> d.related().forEach((other, w) -> related.get(other).putIfAbsent(d.id(), w)));
        List<Skill> skills = new ArrayList<>(declared.size());
        for (Declared d : declared.values()) {
            skills.add(new Skill(skills.size(), d.id(), d.label(), d.domain(), d.broader(), List.copyOf(d.aliases()),
                    Map.copyOf(related.get(d.id())), d.uri(), d.description(), d.source()));
        }
        return skills;
    }

    /** A label or alias that means two different skills would make tag matching a coin toss. */
    private void checkNames(List<Skill> skills) {
        Map<String, Skill> owner = new LinkedHashMap<>();
        for (Skill s : skills) {
            for (String name : names(s)) {
                Skill other = owner.putIfAbsent(Taxonomy.normalize(name), s);
                if (other != null && other != s) {
                    problems.add(s.source() + ": the name '" + name + "' of skill '" + s.id() + "' already names skill '"
                            + other.id() + "' (" + other.source() + ")");
                }
            }
        }
    }

    private static List<String> names(Skill s) {
        List<String> names = new ArrayList<>();
        names.add(s.id());
        names.add(s.label());
        names.addAll(s.aliases());
        return names;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
