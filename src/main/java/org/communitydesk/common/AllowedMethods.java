package org.communitydesk.common;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods a path answers, for the {@code Allow} header that RFC 9110 (15.5.6) asks of every 405; Quarkus
 * REST answers 405 without it. Read once from the JAX-RS resources' annotations (@Path and @GET, @POST, …).
 */
final class AllowedMethods {

    private record Template(Pattern pattern, String method) {
    }

    private static volatile List<Template> templates;

    private AllowedMethods() {
    }

    /** The methods {@code path} answers, with HEAD beside GET and OPTIONS, sorted; empty when none. */
    static Set<String> of(String path) {
        Set<String> methods = new TreeSet<>();
        String normalised = normalise(path);
        for (Template template : templates()) {
            if (template.pattern().matcher(normalised).matches()) {
                methods.add(template.method());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return methods;
    }

    private static List<Template> templates() {
        List<Template> known = templates;
        if (known == null) {
            known = read();
            templates = known;
        }
        return known;
    }

    private static List<Template> read() {
        List<Template> found = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = classPath.value() + "/" + (methodPath == null ? "" : methodPath.value());
                found.add(new Template(Pattern.compile(toRegex(normalise(template))), httpMethod));
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** A JAX-RS template as a regular expression: {name} is one segment, {name: regex} its regex. */
    static String toRegex(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(template.substring(i, open)));
            }
            int depth = 0;
            int close = open;
            for (; close < template.length(); close++) {
                char c = template.charAt(close);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String variable = template.substring(open + 1, close);
            int colon = variable.indexOf(':');
            regex.append('(').append(colon < 0 ? "[^/]+" : variable.substring(colon + 1).strip()).append(')');
            i = close + 1;
        }
        return regex.toString();
    }

    private static String normalise(String path) {
        String single = ("/" + path).replaceAll("/{2,}", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }
}
