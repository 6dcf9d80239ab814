package io.skillbridge.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client for the benchmarks: one blocking keep-alive connection, used by one thread, that
 * writes each request in one piece and reads the response by its Content-Length or chunks. It does what wrk or ab do
 * and no more, so that the clients, which share the machine with the hub, take little of its CPU: the JDK's
 * {@code HttpClient} hands every exchange between its selector thread and an executor, and on 2 cores that costs the
 * hub about as much CPU as serving the request (XapiBenchmark prints the round trips of both).
 */
final class LoopbackHttp implements Closeable {

    /** A response's status and body. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final int port;
    private final String head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /**
     * @param headers header lines sent with every request, each ending in CRLF ("Authorization: ...\r\n")
     */
    LoopbackHttp(int port, String headers) {
        this.port = port;
        this.head = "Host: 127.0.0.1:" + port + "\r\n" + headers;
    }

    Response get(String pathAndQuery) throws IOException {
        return exchange("GET " + pathAndQuery + " HTTP/1.1\r\n" + head + "\r\n", null);
    }

    Response post(String path, String contentType, byte[] body) throws IOException {
        return exchange("POST " + path + " HTTP/1.1\r\n" + head + "Content-Type: " + contentType + "\r\nContent-Length: "
                + body.length + "\r\n\r\n", body);
    }

    private Response exchange(String requestHead, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65536);
        }
        byte[] h = requestHead.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream request = new ByteArrayOutputStream(h.length + (body == null ? 0 : body.length));
        request.writeBytes(h);
        if (body != null) {
            request.writeBytes(body);
        }
        request.writeTo(out);
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String h = header.toLowerCase(Locale.ROOT);
            if (h.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                chunked = true;
            } else if (h.startsWith("connection:") && h.contains("close")) {
                close = true;
            }
        }
        byte[] content;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                all.writeBytes(in.readNBytes(size));
                line();
            }
            String trailer;
            do {
                // the trailer section, if any, ends with an empty line
                trailer = line();
            } while (!trailer.isEmpty());
            content = all.toByteArray();
        } else {
            content = length < 0 ? new byte[0] : in.readNBytes(length);
        }
        if (close) {
            // Tomcat closes a connection after its 100th request: the next exchange opens another, as any client would
            close();
        }
        return new Response(code, content);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection mid-response");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
