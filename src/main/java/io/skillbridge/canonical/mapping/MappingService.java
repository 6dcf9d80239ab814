package io.skillbridge.canonical.mapping;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns one source record into one canonical record with a JSONata file under {@code <skillbridge.home>/mappings/}
 * (see docs/mapping-contract.md). Each file is compiled once and shared by every thread.
 *
 * <p>Why compiling happens on a thread of its own: com.dashjoin:jsonata 0.9.9 keeps per-thread scratch state in a
 * static {@code ThreadLocal} that the constructor fills with the expression being built. When the same thread later
 * evaluates, the library writes each evaluation's frame into that expression's shared {@code environment}, so the
 * frame chain grows with every record (a StackOverflowError after some 100,000 records) and other threads see foreign
 * bindings. An expression built on a thread that never evaluates is never that scratch instance; evaluating it with
 * explicit (empty) bindings makes the library bind {@code $} in a fresh frame per call, so evaluations share nothing
 * mutable. {@code MappingServiceTest} pins this down.
 */
@Component
public class MappingService {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path mappingsDir;
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();
    private final ExecutorService compiler = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jsonata-compiler");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    public MappingService(@Value("${skillbridge.home:.}") String home) {
        this(Path.of(home).resolve("mappings"));
    }

    /** @param mappingsDir the folder that holds the vendor folders ({@code workday/}, {@code bamboohr/}, ...) */
    public MappingService(Path mappingsDir) {
        this.mappingsDir = mappingsDir.toAbsolutePath().normalize();
    }

    /**
     * Maps one record.
     *
     * @param mapping path relative to {@code mappings/}, e.g. {@code workday/rest-worker.jsonata}
     * @throws MappingException when the file cannot be compiled, evaluation fails, or the result is undefined
     */
    public JsonNode map(String mapping, JsonNode record) {
        Compiled compiled = compiled(mapping);
        Object result;
        try {
            result = compiled.expression.evaluate(toJava(record), compiled.noBindings);
        } catch (JException e) {
            throw new MappingException(mapping + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MappingException(mapping + ": evaluation failed: " + e, e);
        }
        if (result == null) {
            throw new MappingException(mapping + ": the mapping produced no result for this record");
        }
        return toJson(result);
    }

    /**
     * Checks that a mapping file exists and compiles, so a connector with a broken mapping fails at start-up with a
     * message naming the file and the JSONata position, not on its first record.
     */
    public void check(String mapping) {
        compiled(mapping);
    }

    private Compiled compiled(String mapping) {
        Compiled c = cache.get(mapping);
        if (c == null) {
            return cache.computeIfAbsent(mapping, this::compile);
        }
        long now = System.currentTimeMillis();
        if (now - c.checkedAt() < RECHECK_MILLIS) {
            return c;
        }
        if (modified(mappingsDir.resolve(mapping)) == c.modified()) {
            Compiled checked = new Compiled(c.expression(), c.noBindings(), c.modified(), now);
            cache.put(mapping, checked);
            return checked;
        }
        Compiled fresh = compile(mapping);
        cache.put(mapping, fresh);
        return fresh;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    private Compiled compile(String mapping) {
        Path file = mappingsDir.resolve(mapping).normalize();
        if (!file.startsWith(mappingsDir)) {
            throw new MappingException(mapping + ": outside the mappings folder " + mappingsDir);
        }
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MappingException(mapping + ": no such mapping file " + file);
        } catch (IOException e) {
            throw new MappingException(mapping + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        Future<Jsonata> built = compiler.submit(() -> {
            Jsonata expression = Jsonata.jsonata(source);
            // toJava only ever produces maps, lists, strings, numbers, booleans and null: the library's own walk over
            // every input checking for other types would cost a tenth of the throughput for nothing.
            expression.setValidateInput(false);
            return expression;
        });
        try {
            Jsonata expression = built.get();
            return new Compiled(expression, expression.createFrame(), modified(file), System.currentTimeMillis());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JException je) {
                throw new MappingException(mapping + ": JSONata does not compile: " + je.getMessage()
                        + " (error " + je.getError() + " at position " + je.getLocation()
                        + lineAndColumn(source, je.getLocation()) + ")", je);
            }
            throw new MappingException(mapping + ": JSONata does not compile: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MappingException(mapping + ": interrupted while compiling", e);
        }
    }

    private static String lineAndColumn(String source, int position) {
        if (position < 0 || position > source.length()) {
            return "";
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < position; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return ", line " + line + " column " + column;
    }

    /** One compiled file and the empty bindings frame that routes every evaluation through a fresh frame. */
    private record Compiled(Jsonata expression, Jsonata.Frame noBindings, long modified, long checkedAt) {
    }

    /** How often a cached mapping looks at its file: an engineer who fixes a mapping replays its dead letters at once. */
    private static final long RECHECK_MILLIS = 1000;

    /** Walks the tree once into the plain Map/List/String/Number form the evaluator reads, without a JSON round trip. */
    static Object toJava(JsonNode node) {
        if (node == null) {
            return null;
        }
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 4 / 3 + 1));
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    map.put(e.getKey(), toJava(e.getValue()));
                }
                return map;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(toJava(element));
                }
                return list;
            }
            case STRING:
                return node.textValue();
            case NUMBER:
                return node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue()
                        : (Object) node.doubleValue();
            case BOOLEAN:
                return node.booleanValue();
            default:
                return null;
        }
    }

    /** The node type Jackson itself reads for this number, so mapped output compares equal to parsed JSON. */
    private static JsonNode integral(long n) {
        return n == (int) n ? NODES.numberNode((int) n) : NODES.numberNode(n);
    }

    static JsonNode toJson(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                object.set(String.valueOf(e.getKey()), toJson(e.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Object element : list) {
                array.add(toJson(element));
            }
            return array;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return integral(((Number) value).longValue());
        }
        if (value instanceof Double d) {
            // JSONata arithmetic yields doubles; 41 + 1 must come out as the integer 42 that a JSON reader would see.
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? integral(d.longValue()) : NODES.numberNode(d);
        }
        if (value instanceof BigDecimal bd) {
            return NODES.numberNode(bd);
        }
        if (value instanceof BigInteger bi) {
            return NODES.numberNode(bi);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        throw new MappingException("the mapping returned a value that is not JSON: " + value.getClass().getName());
    }
}
