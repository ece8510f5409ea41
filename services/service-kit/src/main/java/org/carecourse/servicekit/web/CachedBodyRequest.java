package org.carecourse.servicekit.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body was read once, within the size limit, and can be read again: by the
 * idempotency check (which hashes it), by a retried attempt, and by Spring MVC. A form post's
 * fields are parameters as well (the server can no longer parse a body it did not read itself):
 * a browser's form, such as a sign-out with its CSRF token, still reaches whoever asks.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final byte[] body;
    private Map<String, String[]> parameters;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The cached request beneath any wrappers added later (e.g. by Spring Security). */
    public static Optional<CachedBodyRequest> find(ServletRequest request) {
        ServletRequest current = request;
        while (current instanceof ServletRequestWrapper wrapper) {
            if (current instanceof CachedBodyRequest cached) {
                return Optional.of(cached);
            }
            current = wrapper.getRequest();
        }
        return Optional.empty();
    }

    public byte[] body() {
        return body.clone();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already in memory");
            }

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    /** The query string's parameters (the server's), then a form body's fields (decoded from the cached bytes). */
    @Override
    public synchronized Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            Map<String, List<String>> merged = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) -> merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values)));
            String type = getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM) && body.length > 0) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
                for (String pair : new String(body, charset).split("&")) {
                    if (!pair.isEmpty()) {
                        int equals = pair.indexOf('=');
                        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                        merged.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                    }
                }
            }
            Map<String, String[]> parsed = new LinkedHashMap<>();
            merged.forEach((name, values) -> parsed.put(name, values.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(parsed);
        }
        return parameters;
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
