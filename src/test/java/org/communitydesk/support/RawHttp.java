package org.communitydesk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests sent exactly as written (a chunked body, a malformed escape), and
 * an answer read even when the server closes the connection before the body is all sent. One request per connection.
 */
public final class RawHttp {

    /** An answer: status, headers (names in lower case) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** A GET of the target exactly as written (such as a malformed escape, which HTTP clients refuse to send). */
    public static Answer get(URL base, String rawTarget) throws IOException {
        return send(base, "GET " + rawTarget + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", null);
    }

    /** POSTs {@code body} in chunks of 8 KB, without a Content-Length. */
    public static Answer postChunked(URL base, String target, String contentType, byte[] body, String... headerLines)
            throws IOException {
        StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return send(base, head.append("\r\n").toString(), body);
    }

    /** POSTs {@code body} with its Content-Length, reading the answer even when the server stops reading early. */
    public static Answer post(URL base, String target, String contentType, byte[] body, String... headerLines)
            throws IOException {
        StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            // The body is written beside the reading: a server that answers before reading it all (and then resets
            // the connection) is heard before the reset could discard its answer.
            Thread writer = new Thread(() -> {
                try {
                    for (int from = 0; from < body.length; from += 65536) {
                        out.write(body, from, Math.min(65536, body.length - from));
                    }
                    out.flush();
                } catch (IOException closedByServer) {
                    // The server answered and closed before the whole body was sent.
                }
            }, "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        }
    }

    private static Answer send(URL base, String head, byte[] chunkedBody) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (chunkedBody != null) {
                try {
                    for (int from = 0; from < chunkedBody.length; from += 8192) {
                        int length = Math.min(8192, chunkedBody.length - from);
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(chunkedBody, from, length);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (SocketException closedByServer) {
                    // The server may answer and close before the whole body is sent; its answer is still there.
                }
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (SocketException reset) {
            // A reset after the answer: keep what arrived.
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No HTTP answer: '" + text + "'");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return new Answer(status, headers, text.substring(end + 4));
    }
}
